/** "dr. H." + "Ahmad Fauzi" + "M.Kes." → "dr. H. Ahmad Fauzi, M.Kes." (front titles, name, comma, back titles). */
export function displayName(o: { name: string; honorificPrefix?: string | null; honorificSuffix?: string | null }): string {
  const front = [o.honorificPrefix, o.name].filter((s) => s && s.trim()).join(' ');
  return o.honorificSuffix?.trim() ? `${front}, ${o.honorificSuffix.trim()}` : front;
}

/** The same rule in SQL, over the columns of the officials row `alias` (for exports and other set-based reads). */
export function displayNameSql(alias: string): string {
  const prefix = `${alias}.honorific_prefix`;
  return `concat_ws(' ', CASE WHEN btrim(${prefix}) <> '' THEN ${prefix} END, ${alias}.name) || COALESCE(', ' || NULLIF(btrim(${alias}.honorific_suffix), ''), '')`;
}
