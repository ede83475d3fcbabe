import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { RevisionHeader, RevisionRow } from './revision-diff.js';
import { RevisionKind } from './revision.enums.js';

/**
 * One state of an event as the recorder wrote it, never updated: the first recording, each
 * amendment, the void. Written in the recording's transaction, so the list of an event's
 * revisions is exactly the list of its committed states (since the migration that created it).
 */
@Entity('rotation_event_revisions')
@Unique('rotation_event_revisions_event_id_revision_key', ['eventId', 'revision'])
@Check('rotation_event_revisions_revision_check', 'revision >= 1')
@Index('rotation_event_revisions_recorded_at_idx', ['recordedAt'])
export class EventRevision {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'event_id', type: 'bigint' })
  eventId: string;

  // By name: rotations/ writes revisions through this module, so this one does not import it.
  @ManyToOne('RotationEvent', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'rotation_event_revisions_event_id_fkey' })
  event?: unknown;

  /** 1, 2, … per event: the order of its kept states. */
  @Column({ type: 'int' })
  revision: number;

  /** The event's version in this state (equal to `revision` unless a BACKFILL state, which keeps the version, came between). */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'enum', enum: RevisionKind, enumName: 'revision_kind' })
  kind: RevisionKind;

  /** When this state became the record (the recording transaction's start). */
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  /** The public reason of an amendment or void; null for a first recording. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The event's own fields. */
  @Column({ type: 'jsonb' })
  header: RevisionHeader;

  /** Its lampiran, in order, with the names and titles of that moment. */
  @Column({ type: 'jsonb' })
  lampiran: RevisionRow[];
}
