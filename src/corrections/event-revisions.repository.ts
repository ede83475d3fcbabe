import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RevisionKind } from './revision.enums.js';
import { HEADER_JSON, LAMPIRAN_JSON } from './revision-snapshot.sql.js';

/** Keeps each state of an event: called by the recorder inside its transaction, after the state is written. */
@Injectable()
export class EventRevisionsRepository {
  /** The event as it now stands in this transaction becomes its next revision (one statement). */
  async keep(manager: EntityManager, eventId: string, kind: RevisionKind, reason: string | null): Promise<void> {
    await manager.query(
      // Stamped with the instant the record history gives the same change, so a correction's recordedAt
      // is the asRecordedAt from which the corrected state is read.
      `INSERT INTO rotation_event_revisions (event_id, revision, version, kind, reason, header, lampiran, recorded_at)
       SELECT e.id, COALESCE((SELECT max(r.revision) FROM rotation_event_revisions r WHERE r.event_id = e.id), 0) + 1, e.version, $2::revision_kind, $3,
              ${HEADER_JSON}, ${LAMPIRAN_JSON}, mutasi_record_instant()
       FROM rotation_events e WHERE e.id = $1`,
      [eventId, kind, reason],
    );
  }
}
