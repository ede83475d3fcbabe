/** Today's date in Indonesia's western time zone, where Mutasi's governments are. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
}
