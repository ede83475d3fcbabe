import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODES_WITH_WORDS, errorWords } from './error-words.js';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../..');
const sources = (pattern: RegExp) =>
  (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => pattern.test(f) && !f.endsWith('.spec.ts')).map((f) => join(SRC, f));

/** Every `*ErrorCode` enum of every `*.errors.ts`, found on disk so a new module's codes are checked too. */
async function errorCodeEnums(): Promise<Record<string, string[]>> {
  const enums: Record<string, string[]> = {};
  for (const file of sources(/\.errors\.ts$/)) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('ErrorCode') && value && typeof value === 'object') enums[name] = Object.values(value as Record<string, string>);
    }
  }
  return enums;
}

/** Problem codes written as literals where rotation and import problems are made: error('X', …), warning('X', …), problem('X', …), { problem: 'X' }. */
function problemCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(/^(rotations|imports)\/.*\.ts$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:error|warning|problem)\(\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]);
    for (const m of text.matchAll(/problem: '([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]);
  }
  return [...codes].sort();
}

describe('error and problem codes in words', () => {
  it('has words for every code of every *ErrorCode enum', async () => {
    const enums = await errorCodeEnums();
    // The modules known today, so a broken search cannot pass by finding nothing.
    expect(Object.keys(enums)).toEqual(
      expect.arrayContaining(['AuthErrorCode', 'CommonErrorCode', 'ImportErrorCode', 'RotationErrorCode', 'OrganizationErrorCode', 'OfficialErrorCode', 'PositionErrorCode']),
    );
    const missing = Object.entries(enums).flatMap(([name, codes]) => codes.filter((c) => !CODES_WITH_WORDS.includes(c)).map((c) => `${name}.${c}`));
    expect(missing).toEqual([]);
  });

  it('has words for every problem code the import and the recorder give', () => {
    const codes = problemCodes();
    expect(codes).toEqual(expect.arrayContaining(['POST_PROPOSED', 'NIP_DAMAGED', 'POSITION_OCCUPIED', 'FROM_POSITION_MISMATCH', 'SHORT_TENURE']));
    expect(codes.filter((c) => !CODES_WITH_WORDS.includes(c))).toEqual([]);
  });

  it('says each in both languages, differently, and falls back to the API’s message for an unknown code', () => {
    for (const code of CODES_WITH_WORDS) {
      expect(errorWords('id', code)).not.toBe(code);
      expect(errorWords('en', code)).not.toBe(code);
    }
    expect(errorWords('id', 'POSITION_OCCUPIED')).toBe('Jabatan ini sudah dipegang pejabat lain pada tanggal itu.');
    expect(errorWords('en', 'SOMETHING_NEW', 'The API says so.')).toBe('The API says so.');
  });
});
