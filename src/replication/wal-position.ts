/** A WAL position as PostgreSQL prints a pg_lsn (`16/B374D848`): two hex numbers, high and low 32 bits. */
const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

export function parseWalPosition(text: string | null | undefined): bigint | undefined {
  const match = text ? LSN.exec(text.trim()) : null;
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : undefined;
}

