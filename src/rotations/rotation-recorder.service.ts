import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { groupByKey } from '../common/group-by.js';
import { stableHash } from '../common/stable-hash.js';
import type { ProjectionTransfer } from '../history/fold.js';
import { ProjectionService, type Projection } from '../history/projection.service.js';
import type { RotationEventInput, TransferInput } from './dto/rotation-event.input.js';
import type { RecordedRotationEvent } from './dto/recorded-rotation-event.js';
import type { RotationEventValidation, RotationProblem } from './dto/rotation-problem.js';
import { factsNeeded, historyProblems, type RowIndex } from './recording/history-problems.js';
import { checkLampiran, decreeNumberTaken, eventDateProblems, type Lookups, type OfficialRow, type PlannedTransfer, type PositionRow } from './recording/lampiran-rules.js';
import { hasErrors, sortProblems } from './recording/problems.js';
import { RecordingRepository } from './recording/recording.repository.js';
import { RotationEvent } from './rotation-event.entity.js';
import { RotationEventStatus } from './rotation.enums.js';
import { eventNotFound, rejected, RotationError, RotationErrorCode } from './rotations.errors.js';

/** Orders a not-yet-inserted event after every recorded one on the same day. */
const NEW_EVENT_ORDER = 2n ** 63n;

interface Applied {
  problems: RotationProblem[];
  eventId: string;
  projection: Projection;
}

interface ApplyOptions {
  /** The event being amended (absent: a new event). */
  eventId?: string;
  /** Officials of the amended event's old lampiran, whose history is rebuilt too. */
  alsoRebuild?: string[];
  /** The amended event's old date. */
  since?: string;
  idempotencyKey?: string | null;
  requestHash?: string;
}

/**
 * Records swearing-ins. Every path runs one transaction under the recording lock: resolve the
 * officials and posts the lampiran names, check each row, write the event and its transfers,
 * rebuild the projection of every official touched and check the history it gives, audit —
 * and commit only when nothing is an ERROR. Validation is the same run, rolled back.
 */
@Injectable()
export class RotationRecorderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecordingRepository,
    private readonly projection: ProjectionService,
    private readonly audit: AuditService,
  ) {}

  /** Every problem at once; writes nothing. */
  async validate(input: RotationEventInput): Promise<RotationEventValidation> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const { problems } = await this.apply(runner.manager, input, {});
      return { valid: !hasErrors(problems), problems };
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  async record(input: RotationEventInput, idempotencyKey: string | null, actor: Actor | null): Promise<RecordedRotationEvent> {
    if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 255)) {
      throw validationFailed([{ field: 'idempotencyKey', code: 'LENGTH', message: 'idempotencyKey must be 1 to 255 characters' }]);
    }
    const requestHash = stableHash(input);
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager);
      if (idempotencyKey !== null) {
        const previous = await this.repository.submissionWithKey(manager, idempotencyKey);
        if (previous) {
          if (previous.request_hash !== requestHash) {
            throw new RotationError(RotationErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different submission.');
          }
          const event = await this.repository.findEvent(manager, previous.id);
          return { event, warnings: event.warnings as RotationProblem[], replayed: true };
        }
      }
      const event = await this.commit(manager, await this.apply(manager, input, { idempotencyKey, requestHash }));
      await this.audit.record(manager, actor, { operation: 'recordRotationEvent', targetType: 'rotation_event', targetId: event.id, after: await this.repository.snapshot(manager, event.id) });
      return { event, warnings: event.warnings as RotationProblem[], replayed: false };
    });
  }

  /** Replaces an event's fields and lampiran; the history of everyone in the old or new lampiran is rebuilt. */
  async amend(id: string, expectedVersion: number, input: RotationEventInput, reason: string, actor: Actor | null): Promise<RecordedRotationEvent> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager);
      const oldDate = await this.changeableEventDate(manager, id, expectedVersion);
      const before = await this.repository.snapshot(manager, id);
      const oldOfficials = await this.repository.deleteTransfers(manager, id);
      const event = await this.commit(manager, await this.apply(manager, input, { eventId: id, alsoRebuild: oldOfficials, since: oldDate }));
      await this.audit.record(manager, actor, { operation: 'amendRotationEvent', targetType: 'rotation_event', targetId: id, before, after: await this.repository.snapshot(manager, id), reason });
      return { event, warnings: event.warnings as RotationProblem[], replayed: false };
    });
  }

  /** Cancels an event: its transfers stay on file but no longer count; the history is rebuilt without them. */
  async void(id: string, expectedVersion: number, reason: string, actor: Actor | null): Promise<RotationEvent> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager);
      await this.changeableEventDate(manager, id, expectedVersion);
      const before = await this.repository.snapshot(manager, id);
      const since = await this.repository.voidEvent(manager, id, reason);
      const projection = await this.projection.project(manager, await this.repository.officialsOfEvent(manager, id), since);
      const problems = await this.checkHistory(manager, projection, { ofTransfer: new Map(), ofOfficial: new Map() });
      if (hasErrors(problems)) throw rejected(problems);
      await this.projection.write(manager, projection);
      await this.audit.record(manager, actor, { operation: 'voidRotationEvent', targetType: 'rotation_event', targetId: id, before, after: await this.repository.snapshot(manager, id), reason });
      return this.repository.findEvent(manager, id);
    });
  }

  /** Locks the event and checks it can still be changed at the version the caller saw; returns its effective date. */
  private async changeableEventDate(manager: EntityManager, id: string, expectedVersion: number): Promise<string> {
    const row = await this.repository.lockEvent(manager, id);
    if (!row) throw eventNotFound();
    if (row.status === RotationEventStatus.VOIDED) throw new RotationError(RotationErrorCode.EVENT_VOIDED, 'This event has been voided and can no longer be changed.');
    if (row.version !== expectedVersion) {
      throw new RotationError(
        RotationErrorCode.VERSION_MISMATCH,
        `The event has changed since you read it: it is at version ${row.version}, not ${expectedVersion}. Reload it and try again.`,
        [],
        { currentVersion: row.version },
      );
    }
    return row.effective_on;
  }

  /** Throws the problems when any is an ERROR; otherwise stores the warnings and the rebuilt history. */
  private async commit(manager: EntityManager, applied: Applied): Promise<RotationEvent> {
    if (hasErrors(applied.problems)) throw rejected(applied.problems);
    await this.repository.storeWarnings(manager, applied.eventId, applied.problems);
    await this.projection.write(manager, applied.projection);
    return this.repository.findEvent(manager, applied.eventId);
  }

  /**
   * The workflow: resolve → check → write → project → check the history. Writes the event
   * (new, or the amended `eventId`) and its transfers, folds the history of everyone
   * concerned and returns every problem found, errors first.
   */
  private async apply(manager: EntityManager, input: RotationEventInput, options: ApplyOptions): Promise<Applied> {
    const effectiveOn = input.effectiveOn ?? input.swornInOn;
    const problems = eventDateProblems(input, effectiveOn);
    let decreeNumber = input.decreeNumber ?? null;
    if (decreeNumber) {
      const taken = await this.repository.eventWithDecreeNumber(manager, input.issuer, decreeNumber, options.eventId);
      if (taken) {
        problems.push(decreeNumberTaken(input.issuer, decreeNumber, taken));
        decreeNumber = null; // keeps the trial insert below from tripping the unique index
      }
    }

    const lookups = await this.resolve(manager, input.transfers);
    const order = options.eventId ? BigInt(options.eventId) : NEW_EVENT_ORDER;
    const checked = checkLampiran(input.transfers, effectiveOn, order, lookups);
    problems.push(...checked.problems);

    // A decree date after the effective date is already an ERROR; left out here so the trial
    // insert does not trip the table's own check before every problem is collected.
    const decreeDate = input.decreeDate && effectiveOn < input.decreeDate ? null : (input.decreeDate ?? null);
    const fields = { input, effectiveOn, decreeNumber, decreeDate };
    const eventId = options.eventId ?? (await this.repository.insertEvent(manager, fields, options.idempotencyKey ?? null, options.requestHash ?? null));
    if (options.eventId) await this.repository.updateEvent(manager, eventId, fields);
    const inserted = await this.repository.insertTransfers(manager, eventId, checked.planned);

    // Nothing before this event's date (or, when amending, the date it had) changes.
    const since = options.since && options.since < effectiveOn ? options.since : effectiveOn;
    const known = knownHistories(lookups.existing, checked.planned, inserted, eventId, effectiveOn);
    const projection = await this.projection.project(manager, [...new Set([...known.keys(), ...(options.alsoRebuild ?? [])])], since, known);
    const rows: RowIndex = {
      ofTransfer: new Map(inserted.map((r) => [r.id, r.seq - 1])),
      ofOfficial: new Map(checked.planned.map((p) => [p.officialId, p.index])),
    };
    problems.push(...(await this.checkHistory(manager, projection, rows)));
    return { problems: sortProblems(problems), eventId, projection };
  }

  /** The officials and posts the lampiran names, and the officials' transfers so far (with the posts those pass through). */
  private async resolve(manager: EntityManager, rows: TransferInput[]): Promise<Lookups> {
    const officials = new Map<string, OfficialRow>();
    const officialIds = rows.map((r) => r.officialId).filter((v): v is string => !!v);
    const nips = rows.map((r) => r.nip).filter((v): v is string => !!v);
    for (const o of await this.repository.findOfficials(manager, officialIds, nips)) {
      officials.set(`id:${o.id}`, o);
      if (o.nip) officials.set(`nip:${o.nip}`, o);
    }
    const existing = await this.projection.transfersOf(manager, [...new Set([...officials.values()].map((o) => o.id))]);

    const positions = new Map<string, PositionRow>();
    const postIds = [...rows.flatMap((r) => [r.fromPositionId, r.toPositionId]), ...existing.flatMap((t) => [t.fromPositionId, t.toPositionId])].filter((v): v is string => !!v);
    const codes = rows.flatMap((r) => [r.fromPositionCode, r.toPositionCode]).filter((v): v is string => !!v);
    for (const p of await this.repository.findPositions(manager, [...new Set(postIds)], codes)) {
      positions.set(`id:${p.id}`, p);
      positions.set(`code:${p.code}`, p);
    }
    return { officials, positions, existing: groupByKey(existing, (t) => t.officialId) };
  }

  private async checkHistory(manager: EntityManager, projection: Projection, rows: RowIndex): Promise<RotationProblem[]> {
    const needed = factsNeeded(projection, rows);
    if (!needed) return [];
    const facts = await this.repository.historyFacts(manager, needed.transferIds, needed.heldIds, needed.postIds);
    return historyProblems(projection, needed.issues, facts, rows);
  }
}

/**
 * The planned officials' histories, already in hand: what was read while resolving, and the
 * rows just inserted — so the projection need not read them again.
 */
function knownHistories(
  existing: Map<string, ProjectionTransfer[]>,
  planned: PlannedTransfer[],
  inserted: { id: string; seq: number }[],
  eventId: string,
  effectiveOn: string,
): Map<string, ProjectionTransfer[]> {
  const known = new Map(planned.map((p) => [p.officialId, [...(existing.get(p.officialId) ?? [])]]));
  const planAt = new Map(planned.map((p) => [p.index + 1, p]));
  for (const row of inserted) {
    const { index: _index, note: _note, ...plan } = planAt.get(row.seq)!;
    known.get(plan.officialId)!.push({ ...plan, id: row.id, eventOrder: BigInt(eventId), effectiveOn, seq: row.seq });
  }
  return known;
}
