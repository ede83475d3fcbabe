/** "dr. H." + "Ahmad Fauzi" + "M.Kes." → "dr. H. Ahmad Fauzi, M.Kes." (front titles, name, comma, back titles). */
export function displayName(o: { name: string; honorificPrefix?: string | null; honorificSuffix?: string | null }): string {
  const front = [o.honorificPrefix, o.name].filter((s) => s && s.trim()).join(' ');
  return o.honorificSuffix?.trim() ? `${front}, ${o.honorificSuffix.trim()}` : front;
}
