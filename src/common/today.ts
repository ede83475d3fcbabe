// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with one,
// and `today()` runs for every official whose current post a query asks for.
const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

/** Today's date in Indonesia's western time zone, where Mutasi's governments are. */
export function today(): string {
  return jakarta.format(new Date());
}
