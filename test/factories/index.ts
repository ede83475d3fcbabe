import type { TestApp } from '../support/app.js';

let counter = 0;
const next = () => ++counter;

/** A valid PNS NIP: birth date, TMT CPNS (YYYYMM), gender digit, serial. */
export function nip(o: { birth?: string; tmt?: string; gender?: 1 | 2; serial?: number } = {}): string {
  const serial = String(o.serial ?? next() % 1000).padStart(3, '0');
  return `${o.birth ?? '19780512'}${o.tmt ?? '200501'}${o.gender ?? 1}${serial}`;
}

/** The government every test database starts with (test/support/environment.ts); factories put their rows in it. */
export const TEST_GOVERNMENT = { code: 'PEMDA-UJI', regionCode: '99.01', name: 'Pemerintah Daerah Uji' };

/** A unit of the test government by default; with kind GOVERNMENT, a government of its own (region codes 80.00–89.99). */
export const organizationInput = (o: Record<string, unknown> = {}) => {
  const n = next();
  const where =
    o.kind === 'GOVERNMENT'
      ? { regionCode: `8${n % 10}.${String(Math.floor(n / 10) % 100).padStart(2, '0')}`, governmentType: 'CITY' }
      : o.parentId
        ? {}
        : { parentCode: TEST_GOVERNMENT.code };
  return { code: `ORG-${n}`, name: `Dinas Contoh ${n}`, kind: 'AGENCY', ...where, ...o };
};

export const positionInput = (organizationId: string, o: Record<string, unknown> = {}) => {
  const n = next();
  return { code: `POS-${n}`, title: `Kepala Bidang ${n}`, organizationId, echelon: 'III_B', category: 'ADMINISTRATOR', ...o };
};

/** 1 → "A", 27 → "AA": names may not contain digits. */
const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

export const officialInput = (o: Record<string, unknown> = {}) => ({
  nip: nip(),
  name: `Pejabat ${letters(next())}`,
  honorificPrefix: null,
  honorificSuffix: 'S.H.',
  rank: 'III_D',
  government: TEST_GOVERNMENT.code,
  ...o,
});

/** Creates through the API with the HR key (or `headers`, to test other callers). */
async function create(t: TestApp, mutation: string, input: Record<string, unknown>, headers = t.auth.HR) {
  const res = await t.gql(`mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { id } }`, { input }, headers);
  if (res.errors) throw new Error(`${mutation} failed: ${JSON.stringify(res.errors)}`);
  return res.data[mutation].id as string;
}

export const createOrganization = (t: TestApp, o: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  create(t, 'createOrganization', organizationInput(o), headers);

export const createPosition = (t: TestApp, organizationId: string, o: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  create(t, 'createPosition', positionInput(organizationId, o), headers);

export const createOfficial = (t: TestApp, o: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  create(t, 'createOfficial', officialInput(o), headers);
