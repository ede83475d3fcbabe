import { Capacity, TransferKind } from '../../history/history.enums.js';
import { Rank } from '../../officials/official.enums.js';
import { Echelon } from '../../positions/position.enums.js';
import type { RotationEventInput, TransferInput } from '../dto/rotation-event.input.js';
import { Severity } from '../dto/rotation-problem.js';
import { checkLampiran, eventDateProblems, eventInputProblems, storableEvent } from './lampiran-rules.js';
import type { Lookups } from './lookups.js';
import { earlier, LATER, lookups, official, ON, post } from './rule-fixtures.js';

const check = (rows: Partial<TransferInput>[], l: Lookups) => checkLampiran(rows as TransferInput[], ON, LATER, l);
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('checkLampiran', () => {
  // Official 1 holds post 10 since 2020; posts 11 and 12 are free.
  const world = () => lookups([official('1'), official('2', { nip: '198001012006042002' })], [post('10'), post('11'), post('12', { echelon: Echelon.II_B })], [earlier({ officialId: '1', toPositionId: '10' })]);

  it('plans a clean rotation with its origin and kind derived from the history', () => {
    const result = check([{ officialId: '1', toPositionId: '11' }], world());
    expect(result.problems).toEqual([]);
    expect(result.planned).toEqual([
      { index: 0, officialId: '1', fromPositionId: '10', fromStated: false, toPositionId: '11', kind: TransferKind.ROTATION, kindStated: false, capacity: Capacity.DEFINITIVE, toFunctional: false, note: null },
    ]);
  });

  it('refuses unknown officials and posts without planning the row', () => {
    const result = check([{ officialId: '99', toPositionId: '11' }, { officialId: '1', toPositionCode: 'NOPE' }], world());
    expect(codes(result)).toEqual(['UNKNOWN_OFFICIAL', 'UNKNOWN_POSITION']);
    expect(result.planned).toEqual([]);
  });

  it('needs exactly one way of naming the official and of naming each post', () => {
    expect(codes(check([{ toPositionId: '11' }], world()))).toEqual(['OFFICIAL_REQUIRED']);
    expect(codes(check([{ officialId: '1', nip: '197805122005011001' }], world()))).toEqual(['OFFICIAL_REQUIRED']);
    expect(codes(check([{ officialId: '1', toPositionId: '11', toPositionCode: 'P-11' }], world()))).toEqual(['POSITION_AMBIGUOUS']);
  });

  it('finds the official by NIP as well as by id', () => {
    expect(check([{ nip: '198001012006042002', toPositionId: '11' }], world()).planned[0].officialId).toBe('2');
  });

  it('lets an official move once per event', () => {
    const result = check([{ officialId: '1', toPositionId: '11' }, { officialId: '1', toPositionId: '12' }], world());
    expect(codes(result)).toEqual(['DUPLICATE_OFFICIAL']);
    expect(result.problems[0].index).toBe(1);
    expect(result.planned).toHaveLength(1);
  });

  it('checks a stated origin against what the history says was held', () => {
    const result = check([{ officialId: '1', fromPositionId: '11', toPositionId: '12' }], world());
    expect(codes(result)).toEqual(['FROM_POSITION_MISMATCH']);
    expect(result.problems[0].message).toContain('held Kepala Bidang 10 (P-10)');
    expect(codes(check([{ officialId: '1', fromPositionId: '10', toPositionId: '12' }], world()))).not.toContain('FROM_POSITION_MISMATCH');
  });

  it('refuses a row that moves nobody anywhere, or onto the post already held', () => {
    expect(codes(check([{ officialId: '2' }], world()))).toEqual(['NOTHING_TO_RECORD']);
    expect(codes(check([{ officialId: '1', toPositionId: '10' }], world()))).toContain('SAME_POSITION');
  });

  it('refuses a post not yet established or already abolished on the day', () => {
    const l = lookups([official('2')], [post('20', { established_on: '2026-03-01' }), post('21', { abolished_on: ON })]);
    expect(codes(check([{ officialId: '2', toPositionId: '20' }], l))).toEqual(['POSITION_NOT_ACTIVE']);
    expect(codes(check([{ officialId: '2', toPositionId: '21' }], l))).toEqual(['POSITION_NOT_ACTIVE']);
  });

  it('refuses an effective date before the NIP says the official became a civil servant', () => {
    const l = lookups([official('3', { nip: '199001012026031001' })], [post('11')]);
    expect(codes(check([{ officialId: '3', toPositionId: '11' }], l))).toEqual(['EFFECTIVE_BEFORE_APPOINTMENT']);
  });

  it('warns, without refusing, about a contradicting kind, a low rank and a short tenure', () => {
    const l = lookups([official('4', { rank: Rank.III_A })], [post('10'), post('12', { echelon: Echelon.II_B })], [earlier({ officialId: '4', toPositionId: '10', effectiveOn: '2025-06-01' })]);
    const result = check([{ officialId: '4', toPositionId: '12', kind: TransferKind.ROTATION }], l);
    expect(codes(result).sort()).toEqual(['KIND_MISMATCH', 'RANK_BELOW_MINIMUM', 'SHORT_TENURE']);
    expect(result.problems.every((p) => p.severity === Severity.WARNING)).toBe(true);
    expect(result.planned[0].kind).toBe(TransferKind.ROTATION);
    expect(result.planned[0].kindStated).toBe(true);
  });

  it('opens and ends acting appointments, and refuses ending one that is not held', () => {
    const l = world();
    const start = check([{ officialId: '2', toPositionId: '12', kind: TransferKind.ACTING_START }], l);
    expect(start.problems).toEqual([]);
    expect(start.planned[0]).toMatchObject({ capacity: Capacity.ACTING, fromPositionId: null, fromStated: true, kind: TransferKind.ACTING_START });
    expect(codes(check([{ officialId: '2', kind: TransferKind.ACTING_END }], l))).toEqual(['NOT_ACTING']);
    const acting = lookups([official('2')], [post('12')], [earlier({ officialId: '2', toPositionId: '12', kind: TransferKind.ACTING_START, capacity: Capacity.ACTING })]);
    expect(check([{ officialId: '2', kind: TransferKind.ACTING_END }], acting).planned[0]).toMatchObject({ fromPositionId: '12', capacity: Capacity.ACTING });
    expect(codes(check([{ officialId: '2', toPositionId: '12', kind: TransferKind.ACTING_START }], acting))).toEqual(['ALREADY_ACTING']);
  });

  it('refuses a kind that contradicts the capacity', () => {
    expect(codes(check([{ officialId: '1', toPositionId: '11', kind: TransferKind.ACTING_START, capacity: Capacity.DEFINITIVE }], world()))).toEqual(['KIND_CAPACITY_MISMATCH']);
  });

  it('reports a malformed row with the other rows’ problems, and does not plan it', () => {
    const result = check(
      [
        { officialId: '1', toPositionId: '10' },
        { nip: '19780512200501100', toPositionId: '11', note: 'n'.repeat(2001) },
        { officialId: '2', toPositionCode: 'NOPE' },
        { officialId: '99', toPositionId: '12' },
      ],
      world(),
    );
    expect(result.problems.map((p) => [p.index, p.code, p.field])).toEqual([
      [0, 'SAME_POSITION', 'toPositionId'],
      [1, 'NIP_INVALID', 'nip'],
      [1, 'NOTE_TOO_LONG', 'note'],
      [2, 'UNKNOWN_POSITION', 'toPositionCode'],
      [3, 'UNKNOWN_OFFICIAL', 'officialId'],
    ]);
    expect(result.planned.map((p) => p.index)).toEqual([0]);
  });

  it('does not count a malformed row as the official’s move: the well-formed row for the same official is planned', () => {
    const result = check([{ nip: '197805122005011001', toPositionId: 'x' }, { nip: '197805122005011001', toPositionId: '11' }], world());
    expect(codes(result)).toEqual(['ID_INVALID']);
    expect(result.planned.map((p) => [p.index, p.officialId])).toEqual([[1, '1']]);
  });

  it('names the fields the row sent: a destination given by code is toPositionCode, a derived origin fromPositionCode', () => {
    // Official 1 holds post 10 since 2020; official 4 (III/a, by NIP) holds post 11 since 2025.
    const l = lookups(
      [official('1'), official('4', { rank: Rank.III_A, nip: '198001012006041004' })],
      [post('10'), post('11'), post('12', { echelon: Echelon.II_B })],
      [earlier({ officialId: '1', toPositionId: '10' }), earlier({ officialId: '4', toPositionId: '11', effectiveOn: '2025-06-01' })],
    );
    const result = check([{ officialId: '1', toPositionCode: 'P-10' }, { nip: '198001012006041004', toPositionCode: 'P-12' }], l);
    expect(result.problems.map((p) => [p.index, p.code, p.field])).toEqual([
      [0, 'SAME_POSITION', 'toPositionCode'],
      [1, 'RANK_BELOW_MINIMUM', 'toPositionCode'],
      [1, 'SHORT_TENURE', 'fromPositionCode'],
    ]);
  });

  it('sees only the history ordered before this event', () => {
    // A later recorded move of official 1 (out of post 10 in 2027) does not change what was held on ON.
    const l = lookups([official('1')], [post('10'), post('11')], [earlier({ officialId: '1', toPositionId: '10' }), earlier({ id: 'later', officialId: '1', effectiveOn: '2027-01-01', eventOrder: 5n })]);
    expect(check([{ officialId: '1', toPositionId: '11' }], l).planned[0].fromPositionId).toBe('10');
  });
});

describe('eventDateProblems', () => {
  const event = (o: Partial<RotationEventInput>) => ({ title: 't', issuer: 'Wali Kota Bekasi', swornInOn: ON, transfers: [], ...o }) as RotationEventInput;

  it('refuses an effective date or ceremony before the decree', () => {
    expect(eventDateProblems(event({ decreeDate: '2026-02-07' }), ON).map((p) => p.code)).toEqual(['EFFECTIVE_BEFORE_DECREE', 'SWORN_IN_BEFORE_DECREE']);
    expect(eventDateProblems(event({ decreeDate: '2026-02-05' }), ON)).toEqual([]);
    expect(eventDateProblems(event({}), ON)).toEqual([]);
  });
});

describe('eventInputProblems', () => {
  const event = (o: Partial<RotationEventInput>) => ({ title: 'Pelantikan', issuer: 'Wali Kota Bekasi', swornInOn: ON, transfers: [], ...o }) as RotationEventInput;
  const where = (problems: { index: number | null; field: string | null; code: string; severity: Severity }[]) => problems.map((p) => [p.index, p.field, p.code, p.severity]);

  it('has nothing to say of a well-formed event, its optional fields left out or given', () => {
    expect(eventInputProblems(event({}))).toEqual([]);
    expect(eventInputProblems(event({ signatoryName: 'Tri Adhianto', decreeNumber: '821.2/Kep.1', location: 'x'.repeat(500), sourceUrl: 'https://bekasikota.go.id/berita/1' }))).toEqual([]);
  });

  it('names each malformed field of the event, as an ERROR of no row', () => {
    const problems = eventInputProblems(event({ title: '   ', issuer: 'x'.repeat(256), signatoryTitle: 'a\u0000b', location: 'x'.repeat(501), sourceUrl: 'ftp://example.org/sk.pdf' }));
    expect(where(problems)).toEqual([
      [null, 'title', 'IS_NOT_EMPTY', Severity.ERROR],
      [null, 'issuer', 'MAX_LENGTH', Severity.ERROR],
      [null, 'signatoryTitle', 'TEXT_INVALID', Severity.ERROR],
      [null, 'location', 'MAX_LENGTH', Severity.ERROR],
      [null, 'sourceUrl', 'IS_URL', Severity.ERROR],
    ]);
    expect(problems[1].message).toBe('issuer must be at most 255 characters');
  });

  it('blanks the malformed fields for the trial write, required ones to an empty string', () => {
    const input = event({ title: '', location: 'x'.repeat(501), decreeNumber: '821/1' });
    expect(storableEvent(input, eventInputProblems(input))).toEqual({ ...input, title: '', location: null, decreeNumber: '821/1' });
    const clean = event({});
    expect(storableEvent(clean, [])).toBe(clean);
  });
});

