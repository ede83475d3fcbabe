/**
 * Whether the client's copy is current (RFC 9110 §13.1): If-None-Match decides when present
 * (any listed tag equal to ours, or *); otherwise If-Modified-Since, to the second that
 * Last-Modified carries.
 */
export function notModified(headers: { 'if-none-match'?: string; 'if-modified-since'?: string }, etag: string, lastModified: Date | null): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    // A weak tag of ours (W/"…") matches too: 304 takes the weak comparison.
    return match.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag);
  }
  const since = headers['if-modified-since'];
  if (since === undefined || lastModified === null) return false;
  const time = Date.parse(since);
  return !Number.isNaN(time) && Math.floor(lastModified.getTime() / 1000) * 1000 <= time;
}
