import type { FoldIssue } from '../../history/fold.js';
import type { Projection } from '../../history/projection.service.js';
import type { RotationProblem } from '../dto/rotation-problem.js';
import { error } from './problems.js';
import type { SentFields } from './row-input.js';

/** What the messages name, read for the transfers and posts that `factsNeeded` lists. */
export interface HistoryFacts {
  transfers: {
    id: string;
    event_id: string;
    decree_number: string | null;
    effective_on: string;
    official_id: string;
    name: string;
    from_code: string | null;
    to_code: string | null;
  }[];
  /** Codes of the posts the issues say were held. */
  held: { id: string; code: string }[];
  /** The posts with two holders. */
  posts: { id: string; code: string; title: string }[];
}

/** Where in this event's lampiran a problem belongs: by its new transfers' ids, and by official; and the fields each row sent. */
export interface RowIndex {
  ofTransfer: Map<string, number>;
  ofOfficial: Map<string, number>;
  /** By row: whether it named its posts by id or by code (a problem names the field the client sent). */
  sent: Map<number, SentFields>;
}

/**
 * The rebuilt history's issues that concern other events' transfers (this event's own rows
 * were checked row by row already), and the ids of what their messages name; null when the
 * history has nothing to say.
 */
export function factsNeeded(projection: Projection, rows: RowIndex): { issues: FoldIssue[]; transferIds: string[]; heldIds: string[]; postIds: string[] } | null {
  // A second move on one day is seen only in the history (the row rules see the day before).
  const issues = projection.issues.filter((i) => !rows.ofTransfer.has(i.transferId) || i.code === 'SAME_DAY_MOVE');
  if (issues.length === 0 && projection.overlaps.length === 0) return null;
  return {
    issues,
    transferIds: [...issues.map((i) => i.transferId), ...projection.overlaps.flatMap((o) => [o.earlier.startedByTransferId, o.later.startedByTransferId])],
    heldIds: [...new Set(issues.map((i) => i.held).filter((h): h is string => !!h))],
    postIds: [...new Set(projection.overlaps.map((o) => o.positionId))],
  };
}

/**
 * What the rebuilt history says: transfers of other events that no longer fit (a later
 * decree moving someone from a post they would no longer hold), and posts that would have
 * two definitive holders. Each is attributed to this event's row for the official when
 * there is one.
 */
export function historyProblems(projection: Projection, issues: FoldIssue[], facts: HistoryFacts, rows: RowIndex): RotationProblem[] {
  const byId = new Map(facts.transfers.map((f) => [f.id, f]));
  const codeOf = new Map(facts.held.map((p) => [p.id, p.code]));
  const postOf = new Map(facts.posts.map((p) => [p.id, `${p.title} (${p.code})`]));
  const eventName = (f: { event_id: string; decree_number: string | null; effective_on: string }) =>
    `event ${f.event_id}${f.decree_number ? ` (decree ${f.decree_number})` : ''} of ${f.effective_on}`;

  const problems: RotationProblem[] = [];
  for (const issue of issues) {
    const f = byId.get(issue.transferId)!;
    const held = issue.held ? (codeOf.get(issue.held) ?? issue.held) : 'no post';
    const index = rows.ofOfficial.get(f.official_id) ?? null;
    if (issue.code === 'NOT_FUNCTIONAL_OFFICIAL') {
      problems.push(
        error('NOT_FUNCTIONAL_OFFICIAL', `This contradicts ${eventName(f)}, which gives ${f.name} the additional task of ${f.to_code}: by then ${f.name} would hold ${held}, not a functional post.`, index),
      );
    } else if (issue.code === 'SAME_DAY_MOVE' && rows.ofTransfer.has(issue.transferId)) {
      problems.push(error('SAME_DAY_MOVE', `${f.name} already moved on ${f.effective_on}, into ${held} (an earlier decree that day): a second move the same day would leave it held for no day.`, index));
    } else if (issue.code === 'SAME_DAY_MOVE') {
      problems.push(error('SAME_DAY_MOVE', `${f.name} would move twice on ${f.effective_on}: ${eventName(f)} moves them on the same day.`, index));
    } else if (issue.code === 'NOTHING_TO_RECORD') {
      problems.push(error('FROM_POSITION_MISMATCH', `This contradicts ${eventName(f)}, which ends ${f.name}'s post: by then ${f.name} would hold none.`, index));
    } else {
      problems.push(
        error('FROM_POSITION_MISMATCH', `This contradicts ${eventName(f)}, which moves ${f.name} from ${f.from_code ?? 'no post'}: by then ${f.name} would hold ${held}.`, index),
      );
    }
  }
  for (const o of projection.overlaps) {
    const mine = [o.later, o.earlier].find((a) => rows.ofTransfer.has(a.startedByTransferId)) ?? [o.later, o.earlier].find((a) => rows.ofOfficial.has(a.officialId));
    const other = mine === o.earlier ? o.later : o.earlier;
    const index = mine ? (rows.ofTransfer.get(mine.startedByTransferId) ?? rows.ofOfficial.get(mine.officialId) ?? null) : null;
    const otherFacts = byId.get(other.startedByTransferId);
    const mineFacts = mine ? byId.get(mine.startedByTransferId) : undefined;
    const holder = otherFacts?.name ?? `official ${other.officialId}`;
    const until = other.endedOn ? ` until ${other.endedOn}` : '';
    const field = index !== null && mine && rows.ofTransfer.has(mine.startedByTransferId) ? (rows.sent.get(index)?.to ?? 'toPositionId') : null;
    const from = mine?.startedOn ?? o.later.startedOn;
    problems.push(
      o.seats === 1
        ? error(
            'POSITION_OCCUPIED',
            `${postOf.get(o.positionId)} is held by ${holder} from ${other.startedOn}${until} (${otherFacts ? eventName(otherFacts) : 'recorded'}), ` +
              `who does not leave it here; ${mineFacts?.name ?? 'the official'} would hold it from ${from}.`,
            index,
            field,
          )
        : error(
            'FORMATION_FULL',
            `All ${o.seats} seats (formasi) of ${postOf.get(o.positionId)} are held on ${from}, the earliest to free up by ${holder}${until}; ` +
              `${mineFacts?.name ?? 'the official'} would take one more.`,
            index,
            field,
          ),
    );
  }
  return problems;
}
