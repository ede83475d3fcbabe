import { Employment, Gender } from './official.enums.js';
import { parseNip } from './nip.js';

const TODAY = '2026-11-28';

describe('parseNip', () => {
  it('reads birth date, gender and TMT CPNS from a PNS NIP', () => {
    expect(parseNip('197805122005011003', TODAY)).toEqual({
      ok: true,
      value: { employment: Employment.PNS, birthDate: '1978-05-12', gender: Gender.MALE, appointed: '2005-01', appointedFrom: '2005-01-01' },
    });
  });

  it('reads a female PNS', () => {
    const r = parseNip('198302142009022001', TODAY);
    expect(r.ok && r.value.gender).toBe(Gender.FEMALE);
  });

  it('recognises the PPPK form (21 in digits 13–14)', () => {
    const r = parseNip('199001012022212005', TODAY);
    expect(r).toEqual({
      ok: true,
      value: { employment: Employment.PPPK, birthDate: '1990-01-01', gender: Gender.FEMALE, appointed: '2022', appointedFrom: '2022-01-01' },
    });
  });

  it.each([
    ['19780512200501100', '18 digits'],
    ['1978051220050110031', '18 digits'],
    ['19780512200501100A', '18 digits'],
    ['197802302005011003', 'real birth date'],
    ['197813012005011003', 'real birth date'],
    ['197805122005131003', 'TMT CPNS'],
    ['197805122005001003', 'TMT CPNS'],
    ['197805121990011003', 'less than 15 years'],
    ['197805122005013003', 'gender'],
    ['197805122005010003', 'gender'],
    ['203001012050011001', 'future'],
    ['197805122099011003', 'future'],
  ])('refuses %s (%s)', (nip, reason) => {
    const r = parseNip(nip, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('accepts an appointment exactly 15 years after birth, and refuses one day earlier', () => {
    expect(parseNip('199003152005031001', TODAY).ok).toBe(true);
    expect(parseNip('199004012005031001', TODAY).ok).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseNip('198402292005011001', TODAY).ok).toBe(true);
    expect(parseNip('198502292005011001', TODAY).ok).toBe(false);
  });
});
