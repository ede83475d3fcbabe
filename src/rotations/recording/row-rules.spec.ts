import { Capacity, TransferKind } from '../../history/history.enums.js';
import { Employment, Rank } from '../../officials/official.enums.js';
import { Echelon, PositionCategory } from '../../positions/position.enums.js';
import { lastDayOfService } from '../../positions/retirement-age.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import { advisories, dayProblems, nameRow, standingBefore } from './row-rules.js';
import { earlier, LATER, lookups, official, ON, post } from './rule-fixtures.js';

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);
/** Official 1 holds post 10 since 2020; official 2 acts in post 12 since 2025. */
const world = () =>
  lookups(
    [official('1'), official('2', { nip: '198001012006042002' })],
    [post('10'), post('11'), post('12')],
    [earlier({ officialId: '1', toPositionId: '10' }), earlier({ id: 'a2', officialId: '2', toPositionId: '12', effectiveOn: '2025-01-02', capacity: Capacity.ACTING, kind: TransferKind.ACTING_START })],
  );
const named = (row: Partial<TransferInput>, l = world(), on = ON) => {
  const result = nameRow(row as TransferInput, 0, on, l);
  if ('problems' in result) throw new Error(`not named: ${codes(result.problems).join()}`);
  return result;
};

describe('nameRow', () => {
  it('finds the official and both posts, null for a post the row leaves out', () => {
    const row = named({ nip: '198001012006042002', toPositionCode: 'P-11' });
    expect([row.official.id, row.statedFrom, row.to?.id]).toEqual(['2', null, '11']);
  });

  it('reports every name it cannot resolve, with the field', () => {
    const result = nameRow({ officialId: '99', fromPositionId: '98', toPositionId: '11', toPositionCode: 'P-11' } as TransferInput, 3, ON, world());
    expect('problems' in result && result.problems.map((p) => [p.code, p.index, p.field])).toEqual([
      ['UNKNOWN_OFFICIAL', 3, 'officialId'],
      ['UNKNOWN_POSITION', 3, 'fromPositionId'],
      ['POSITION_AMBIGUOUS', 3, 'toPositionCode'],
    ]);
  });

  it('does not repeat an unknown NIP in the message', () => {
    const result = nameRow({ nip: '199999999999999999' } as TransferInput, 0, ON, world());
    expect('problems' in result && result.problems[0]).toMatchObject({ code: 'UNKNOWN_OFFICIAL', field: 'nip', message: 'No official with this NIP.' });
  });
});

describe('standingBefore', () => {
  it('gives the definitive post held and the acting ones, by name', () => {
    const one = standingBefore('1', ON, LATER, 0, world());
    expect([one.held?.positionId, one.heldName, one.acting]).toEqual(['10', 'Kepala Bidang 10 (P-10)', []]);
    const two = standingBefore('2', ON, LATER, 0, world());
    expect([two.held, two.heldName, two.acting.map((a) => a.positionId)]).toEqual([undefined, 'no post', ['12']]);
  });

  it('ignores what is ordered at or after the row', () => {
    expect(standingBefore('1', '2020-01-02', 0n, 0, world()).held).toBeUndefined();
    expect(standingBefore('1', '2020-01-02', 2n, 0, world()).held?.positionId).toBe('10');
  });
});

describe('dayProblems', () => {
  it('says nothing of an active post and a civil servant of long standing', () => {
    expect(dayProblems(named({ officialId: '1', toPositionId: '11' }))).toEqual([]);
  });

  it('needs a destination for ACTING_START', () => {
    expect(codes(dayProblems(named({ officialId: '2', kind: TransferKind.ACTING_START })))).toEqual(['DESTINATION_REQUIRED']);
  });

  it('refuses a post not yet established, or abolished by the day', () => {
    const l = lookups([official('1')], [post('20', { established_on: '2026-02-07' }), post('21', { abolished_on: ON }), post('22', { established_on: ON, abolished_on: '2026-02-07' })]);
    const problem = dayProblems(named({ officialId: '1', toPositionCode: 'P-20' }, l))[0];
    expect(problem).toMatchObject({ code: 'POSITION_NOT_ACTIVE', field: 'toPositionCode' });
    expect(problem.message).toContain('is only established on 2026-02-07');
    expect(dayProblems(named({ officialId: '1', toPositionId: '21' }, l))[0].message).toContain('was abolished on 2026-02-06');
    expect(dayProblems(named({ officialId: '1', toPositionId: '22' }, l))).toEqual([]);
  });

  it('refuses a day before the NIP’s appointment, and trusts an unreadable NIP', () => {
    const l = lookups([official('3', { nip: '199001012026031001' }), official('4', { nip: 'unreadable' })], [post('11')]);
    expect(codes(dayProblems(named({ officialId: '3', toPositionId: '11' }, l)))).toEqual(['EFFECTIVE_BEFORE_APPOINTMENT']);
    expect(dayProblems(named({ officialId: '4', toPositionId: '11' }, l))).toEqual([]);
  });
});

describe('advisories', () => {
  const l = lookups([official('4', { rank: Rank.III_A })], [post('10'), post('12', { echelon: Echelon.II_B })], [earlier({ officialId: '4', toPositionId: '10', effectiveOn: '2025-06-01' })]);
  const standing = standingBefore('4', ON, LATER, 0, l);
  const from = l.positions.get('id:10')!;

  it('warns of a contradicting kind, a rank too low for the echelon and a tenure under two years', () => {
    const problems = advisories(named({ officialId: '4', toPositionId: '12', kind: TransferKind.ROTATION }, l), standing, Capacity.DEFINITIVE, from, TransferKind.PROMOTION);
    expect(codes(problems)).toEqual(['KIND_MISMATCH', 'RANK_BELOW_MINIMUM', 'SHORT_TENURE']);
    expect(problems[2].message).toBe('Pejabat 4 has held Kepala Bidang 10 (P-10) only since 2025-06-01, less than 2 years.');
  });

  it('says nothing of an unstated kind, an acting move, or a tenure of two years', () => {
    expect(advisories(named({ officialId: '4', toPositionId: '12' }, l), standing, Capacity.ACTING, null, TransferKind.ACTING_START)).toEqual([]);
    // Two years on, a IV/a official moving to an echelon III.b post.
    const later = '2027-06-01';
    const settled = lookups([official('5')], [post('10'), post('11')], [earlier({ officialId: '5', toPositionId: '10', effectiveOn: '2025-06-01' })]);
    const row = named({ officialId: '5', toPositionId: '11', kind: TransferKind.ROTATION }, settled, later);
    expect(advisories(row, standingBefore('5', later, LATER, 0, settled), Capacity.DEFINITIVE, from, TransferKind.ROTATION)).toEqual([]);
  });
});

describe('the retirement age', () => {
  const move = (birth: string, category: PositionCategory, employment = Employment.PNS) => {
    const l = lookups([official('7', { birth_date: birth, employment })], [post('20', { category, echelon: category === PositionCategory.HIGH_LEADERSHIP ? Echelon.II_B : Echelon.III_B })], []);
    return codes(advisories(named({ officialId: '7', toPositionId: '20' }, l), standingBefore('7', ON, LATER, 0, l), Capacity.DEFINITIVE, null, TransferKind.APPOINTMENT));
  };

  it('warns when the official is past the retirement age of the destination on the day: 58, or 60 for high leadership', () => {
    // Born March 1966: 58 in March 2024 (past on 2026-02-06), 60 in March 2026 (not yet).
    expect(move('1966-03-10', PositionCategory.ADMINISTRATOR)).toContain('RETIREMENT_AGE_REACHED');
    expect(move('1966-03-10', PositionCategory.HIGH_LEADERSHIP)).not.toContain('RETIREMENT_AGE_REACHED');
    // Born February 1968: 58 in February 2026, serving to its last day.
    expect(move('1968-02-10', PositionCategory.ADMINISTRATOR)).not.toContain('RETIREMENT_AGE_REACHED');
    // A PPPK has no retirement age.
    expect(move('1960-01-01', PositionCategory.ADMINISTRATOR, Employment.PPPK)).not.toContain('RETIREMENT_AGE_REACHED');
  });

  it('ends service on the last day of the month in which the age is reached', () => {
    expect(lastDayOfService('1968-02-10', 58)).toBe('2026-02-28');
    expect(lastDayOfService('1964-02-29', 60)).toBe('2024-02-29');
    expect(lastDayOfService('1968-12-05', 58)).toBe('2026-12-31');
    expect(lastDayOfService('1966-07-20', 60)).toBe('2026-07-31');
  });
});

