import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actsFor, type Actor } from '../auth/actor.js';
import { GovernmentsService } from '../governments/governments.service.js';
import { outsideScope } from '../governments/governments.errors.js';
import type { PlannedTransfer } from './recording/lookups.js';
import { validationFailed } from '../common/errors/common.errors.js';
import { EventRevisionsRepository } from '../corrections/event-revisions.repository.js';
import { RevisionKind } from '../corrections/revision.enums.js';
import { stableHash } from '../common/stable-hash.js';
import { ProjectionService, type Projection } from '../history/projection.service.js';
import type { RotationEventInput } from './dto/rotation-event.input.js';
import type { RecordedRotationEvent } from './dto/recorded-rotation-event.js';
import type { RotationEventValidation, RotationProblem } from './dto/rotation-problem.js';
import { factsNeeded, historyProblems, type RowIndex } from './recording/history-problems.js';
import { knownHistories, rebuildSince, rowIndex } from './recording/known-histories.js';
import { checkLampiran, decreeNumberTaken, eventDateProblems, eventInputProblems, storableEvent } from './recording/lampiran-rules.js';
import { error, hasErrors, sortProblems, warning } from './recording/problems.js';
import { RecordingRepository } from './recording/recording.repository.js';
import { wellFormed } from './recording/row-input.js';
import { otherActingTransfers, otherEventChanges, sideEffectProblems } from './recording/side-effects.js';
import { LampiranResolver } from './recording/resolve-lampiran.js';
import { RotationEvent } from './rotation-event.entity.js';
import { RotationEventStatus } from './rotation.enums.js';
import { eventNotFound, rejected, RotationError, RotationErrorCode } from './rotations.errors.js';

/** Orders a not-yet-inserted event after every recorded one on the same day. */
const NEW_EVENT_ORDER = 2n ** 63n;

interface Applied {
  problems: RotationProblem[];
  eventId: string;
  /** Null when nothing could be written (the rows name no government): there are errors then. */
  projection: Projection | null;
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
  /** The amended event's government, which an amendment keeps. */
  governmentId?: string;
  actor: Actor | null;
  /** A dry run reports a government outside the key's scope as a problem; recording refuses it (FORBIDDEN). */
  dryRun?: boolean;
}

type Operation = 'recordRotationEvent' | 'amendRotationEvent' | 'voidRotationEvent';

const recorded = (event: RotationEvent, replayed: boolean): RecordedRotationEvent => ({ event, warnings: event.warnings as RotationProblem[], replayed });

/**
 * Records swearing-ins. Every path runs one transaction under the recording lock and the same
 * phases: resolve the officials and posts the lampiran names, check each row, write the event
 * and its transfers, rebuild the projection of every official touched and check the history it
 * gives, audit — and commit only when nothing is an ERROR. Validation is the same run, rolled back.
 */
@Injectable()
export class RotationRecorderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RecordingRepository,
    private readonly resolver: LampiranResolver,
    private readonly projection: ProjectionService,
    private readonly audit: AuditService,
    private readonly revisions: EventRevisionsRepository,
    private readonly governments: GovernmentsService,
  ) {}

  /** Every problem at once; writes nothing. */
  async validate(input: RotationEventInput, actor: Actor | null): Promise<RotationEventValidation> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const { problems } = await this.apply(runner.manager, input, { actor, dryRun: true });
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
      const replay = idempotencyKey === null ? null : await this.replay(manager, idempotencyKey, requestHash, actor);
      if (replay) return recorded(replay, true);
      const event = await this.commit(manager, await this.apply(manager, input, { idempotencyKey, requestHash, actor }));
      await this.audited(manager, actor, 'recordRotationEvent', event.id);
      await this.revisions.keep(manager, event.id, RevisionKind.RECORDED, null);
      await this.keepBackfills(manager, event);
      return recorded(event, false);
    });
  }

  /** Replaces an event's fields and lampiran; the history of everyone in the old or new lampiran is rebuilt. */
  async amend(id: string, expectedVersion: number, input: RotationEventInput, reason: string, actor: Actor | null): Promise<RecordedRotationEvent> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager);
      const { effective_on: oldDate, government_id: governmentId } = await this.changeableEvent(manager, id, expectedVersion, actor);
      const before = await this.repository.snapshot(manager, id);
      const oldOfficials = await this.repository.deleteTransfers(manager, id);
      const event = await this.commit(manager, await this.apply(manager, input, { eventId: id, alsoRebuild: oldOfficials, since: oldDate, governmentId, actor }));
      await this.audited(manager, actor, 'amendRotationEvent', id, before, reason);
      await this.revisions.keep(manager, id, RevisionKind.AMENDED, reason);
      await this.keepBackfills(manager, event);
      return recorded(event, false);
    });
  }

  /** Cancels an event: its transfers stay on file but no longer count; the history is rebuilt without them. */
  async void(id: string, expectedVersion: number, reason: string, actor: Actor | null): Promise<RotationEvent> {
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lock(manager);
      await this.changeableEvent(manager, id, expectedVersion, actor);
      const before = await this.repository.snapshot(manager, id);
      const since = await this.repository.voidEvent(manager, id, reason);
      const projection = await this.projection.project(manager, await this.repository.officialsOfEvent(manager, id), since);
      // No rows of its own remain to attribute problems to.
      const rows = rowIndex([], [], []);
      const effects = await this.sideEffects(manager, projection, id, rows);
      const problems = sortProblems([...(await this.checkHistory(manager, projection, rows)), ...effects, ...(await this.foreignChanges(manager, effects, actor, false))]);
      if (hasErrors(problems)) throw rejected(problems);
      await this.repository.storeWarnings(manager, id, problems);
      await this.projection.write(manager, projection);
      await this.audited(manager, actor, 'voidRotationEvent', id, before, reason);
      await this.revisions.keep(manager, id, RevisionKind.VOIDED, reason);
      const voided = await this.repository.findEvent(manager, id);
      await this.keepBackfills(manager, voided);
      return voided;
    });
  }

  /**
   * Every other event whose derived facts this one changed (its OTHER_EVENT_CHANGED warnings)
   * gets a BACKFILL state, so the change is a correction in the open, named by its cause.
   */
  private async keepBackfills(manager: EntityManager, cause: RotationEvent): Promise<void> {
    const others = new Set((cause.warnings as RotationProblem[]).flatMap((w) => (w.sideEffect ? [w.sideEffect.eventId] : [])));
    const reason = `Diubah oleh pelantikan ${cause.decreeNumber ?? cause.title} (${cause.id})`;
    for (const other of others) await this.revisions.keep(manager, other, RevisionKind.BACKFILL, reason);
  }

  /**
   * The event an idempotency key already recorded, to be returned again; null when the key is
   * new. The same key with a different request is refused rather than silently replayed; so is
   * another government's submission, which this key could not have made.
   */
  private async replay(manager: EntityManager, idempotencyKey: string, requestHash: string, actor: Actor | null): Promise<RotationEvent | null> {
    const previous = await this.repository.submissionWithKey(manager, idempotencyKey);
    if (!previous) return null;
    this.governments.assertActsFor(actor, (await this.governments.ofEvents([previous.id], manager)).get(String(previous.id))!, `the submission with idempotency key ${idempotencyKey}`);
    if (previous.request_hash !== requestHash) {
      throw new RotationError(RotationErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was already used for a different submission.');
    }
    return this.repository.findEvent(manager, previous.id);
  }

  /** Locks the event and checks the key acts for its government and it can still be changed at the version the caller saw. */
  private async changeableEvent(manager: EntityManager, id: string, expectedVersion: number, actor: Actor | null) {
    const row = await this.repository.lockEvent(manager, id);
    if (!row) throw eventNotFound();
    this.governments.assertActsFor(actor, await this.governments.byId(row.government_id, manager), `event ${id}`);
    if (row.status === RotationEventStatus.VOIDED) throw new RotationError(RotationErrorCode.EVENT_VOIDED, 'This event has been voided and can no longer be changed.');
    if (row.version !== expectedVersion) {
      throw new RotationError(
        RotationErrorCode.VERSION_MISMATCH,
        `The event has changed since you read it: it is at version ${row.version}, not ${expectedVersion}. Reload it and try again.`,
        [],
        { currentVersion: row.version },
      );
    }
    return row;
  }

  /**
   * The workflow: resolve → check → write → project → check the history. Writes the event
   * (new, or the amended `eventId`) and its transfers, folds the history of everyone
   * concerned and returns every problem found, errors first.
   */
  private async apply(manager: EntityManager, submitted: RotationEventInput, options: ApplyOptions): Promise<Applied> {
    // A malformed field of the event is reported with everything else; the trial run writes it blank.
    const malformed = eventInputProblems(submitted);
    const input = storableEvent(submitted, malformed);
    const effectiveOn = input.effectiveOn ?? input.swornInOn;
    const problems = [...malformed, ...eventDateProblems(input, effectiveOn)];
    let decreeNumber = input.decreeNumber ?? null;
    if (decreeNumber && input.issuer) {
      const taken = await this.repository.eventWithDecreeNumber(manager, input.issuer, decreeNumber, options.eventId);
      if (taken) {
        problems.push(decreeNumberTaken(input.issuer, decreeNumber, taken));
        decreeNumber = null; // keeps the trial insert below from tripping the unique index
      }
    }

    // Resolve the well-formed rows, then check every row: the malformed ones get their form's
    // problems, and the rows that can be stored come back as planned transfers.
    const lookups = await this.resolver.resolve(manager, input.transfers.filter((row) => wellFormed(row)));
    const order = options.eventId ? BigInt(options.eventId) : NEW_EVENT_ORDER;
    const checked = checkLampiran(input.transfers, effectiveOn, order, lookups);
    problems.push(...checked.problems);

    // One decree, one government: the one of the posts it fills (or leaves), which the key must act for.
    const government = await this.eventGovernment(manager, checked.planned, input, options);
    problems.push(...government.problems);
    if (!government.ref) {
      // Rows that name no post are errors already; otherwise say why nothing can be recorded.
      if (!hasErrors(problems)) problems.push(error('GOVERNMENT_UNKNOWN', 'No row names a post, so the decree\'s government is unknown: nothing can be recorded.'));
      return { problems: sortProblems(problems), eventId: '', projection: null };
    }

    // Write. A decree date after the effective date is already an ERROR; left out here so the
    // trial insert does not trip the table's own check before every problem is collected.
    const decreeDate = input.decreeDate && effectiveOn < input.decreeDate ? null : (input.decreeDate ?? null);
    const fields = { input, effectiveOn, decreeNumber, decreeDate };
    const eventId = options.eventId ?? (await this.repository.insertEvent(manager, fields, government.ref.id, options.idempotencyKey ?? null, options.requestHash ?? null));
    if (options.eventId) await this.repository.updateEvent(manager, eventId, fields);
    const inserted = await this.repository.insertTransfers(manager, eventId, checked.planned);

    // Project everyone concerned from the earliest date that changes, then check the history it gives.
    const known = knownHistories(lookups.existing, checked.planned, inserted, eventId, effectiveOn);
    const officialIds = [...new Set([...known.keys(), ...(options.alsoRebuild ?? [])])];
    const projection = await this.projection.project(manager, officialIds, rebuildSince(effectiveOn, options.since), known);
    const rows = rowIndex(checked.planned, inserted, input.transfers);
    const effects = await this.sideEffects(manager, projection, eventId, rows);
    problems.push(...(await this.checkHistory(manager, projection, rows)), ...effects, ...(await this.foreignChanges(manager, effects, options.actor, options.dryRun)));
    return { problems: sortProblems(problems), eventId, projection };
  }

  /**
   * The event's government: the amended event's, else the one of the first row's post (the
   * post filled, or left by a row that fills none). Each row's post must be in it; a row that
   * brings an official from another government's post is a move between governments, reported.
   */
  private async eventGovernment(manager: EntityManager, planned: PlannedTransfer[], input: RotationEventInput, options: ApplyOptions) {
    const problems: RotationProblem[] = [];
    const own = (t: PlannedTransfer) => t.toPositionId ?? t.fromPositionId;
    const posts = await this.governments.ofPosts([...new Set(planned.flatMap((t) => [t.toPositionId, t.fromPositionId]).filter((p): p is string => p !== null))], manager);
    const firstOwn = planned.map(own).find((p) => p !== null);
    const ref = options.governmentId ? await this.governments.byId(options.governmentId, manager) : firstOwn ? posts.get(firstOwn)! : null;
    if (!ref) return { ref, problems };
    if (options.actor !== null && !actsFor(options.actor, ref.id)) {
      const decree = input.decreeNumber ?? input.title;
      if (!options.dryRun) throw outsideScope(ref, `the decree ${decree}, whose posts belong to it`);
      problems.push(error('OUTSIDE_SCOPE', `This key does not act for ${ref.name} (${ref.regionCode}), whose posts this decree fills: it cannot be recorded with this key.`));
    }
    planned.forEach((t) => {
      const post = own(t) ? posts.get(own(t)!) : undefined;
      if (post && post.id !== ref.id) {
        problems.push(
          error(
            'POST_OF_OTHER_GOVERNMENT',
            `The post belongs to ${post.name} (${post.regionCode}), but this decree is ${ref.name}'s (${ref.regionCode}): one decree records the posts of one government.`,
            t.index,
            t.toPositionId ? 'toPositionCode' : 'fromPositionCode',
          ),
        );
      }
      const from = t.toPositionId && t.fromPositionId ? posts.get(t.fromPositionId) : undefined;
      if (from && from.id !== ref.id) {
        problems.push(
          warning(
            'MOVE_FROM_OTHER_GOVERNMENT',
            `The official comes from a post of ${from.name} (${from.regionCode}): this decree ends that post on its effective date, and ${ref.name} employs them from then.`,
            t.index,
            'fromPositionCode',
          ),
        );
      }
    });
    return { ref, problems };
  }

  /** Problems of the rebuilt history, with the names and decrees their messages cite (read only when there are any). */
  private async checkHistory(manager: EntityManager, projection: Projection, rows: RowIndex): Promise<RotationProblem[]> {
    const needed = factsNeeded(projection, rows);
    if (!needed) return [];
    const facts = await this.repository.historyFacts(manager, needed.transferIds, needed.heldIds, needed.postIds);
    return historyProblems(projection, needed.issues, facts, rows);
  }

  /**
   * Derived facts of other events that the rebuilt history changes, as warnings: compared
   * before anything is written, so the dry run sees them too. One read of the stored acting
   * periods when other events' acting transfers were folded; the names only when something changes.
   */
  private async sideEffects(manager: EntityManager, projection: Projection, eventId: string, rows: RowIndex): Promise<RotationProblem[]> {
    const stored = await this.projection.storedActing(manager, otherActingTransfers(projection, eventId), projection.since);
    const changes = otherEventChanges(projection, stored, eventId);
    if (changes.length === 0) return [];
    const postIds = [...new Set(changes.filter((c) => c.field === 'origin').flatMap((c) => [c.before, c.after]).filter((p): p is string => p !== null))];
    return sideEffectProblems(changes, await this.repository.sideEffectFacts(manager, [...new Set(changes.map((c) => c.transferId))], postIds), rows);
  }

  /**
   * A key changes the derived facts of its own governments' decrees only: a backdated move from
   * another government's post must not rewrite that government's later decrees. Refused
   * (FORBIDDEN), or an ERROR problem in a dry run.
   */
  private async foreignChanges(manager: EntityManager, effects: RotationProblem[], actor: Actor | null, dryRun = false): Promise<RotationProblem[]> {
    if (actor === null || actor.governments === 'ALL') return [];
    const changed = new Map(effects.flatMap((p) => (p.sideEffect ? [[p.sideEffect.eventId, p] as const] : [])));
    if (changed.size === 0) return [];
    const problems: RotationProblem[] = [];
    for (const [eventId, government] of await this.governments.ofEvents([...changed.keys()], manager)) {
      if (actsFor(actor, government.id)) continue;
      if (!dryRun) throw outsideScope(government, `event ${eventId}, whose derived facts this change rewrites`);
      const message = `This changes event ${eventId} of ${government.name} (${government.regionCode}), for which this key does not act: it cannot be recorded with this key.`;
      problems.push(error('OUTSIDE_SCOPE', message, changed.get(eventId)!.index));
    }
    return problems;
  }

  /** Throws the problems when any is an ERROR; otherwise stores the warnings and the rebuilt history. */
  private async commit(manager: EntityManager, applied: Applied): Promise<RotationEvent> {
    if (hasErrors(applied.problems)) throw rejected(applied.problems);
    await this.repository.storeWarnings(manager, applied.eventId, applied.problems);
    await this.projection.write(manager, applied.projection!);
    return this.repository.findEvent(manager, applied.eventId);
  }

  /** The audit row, in the same transaction: the event as it now is, and as it was before (amend, void). */
  private async audited(manager: EntityManager, actor: Actor | null, operation: Operation, id: string, before?: object, reason?: string): Promise<void> {
    const after = await this.repository.snapshot(manager, id);
    await this.audit.record(manager, actor, { operation, targetType: 'rotation_event', targetId: id, before, after, reason });
  }
}
