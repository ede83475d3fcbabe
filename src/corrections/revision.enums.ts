import { registerEnumType } from '@nestjs/graphql';

/** How a kept state of an event came to be. */
export enum RevisionKind {
  /** The event as first recorded (or, for events recorded before revisions were kept, as it stood then). */
  RECORDED = 'RECORDED',
  AMENDED = 'AMENDED',
  VOIDED = 'VOIDED',
  /**
   * A back-fill (an earlier decree recorded later) re-derived a fact of this event: an origin, a
   * kind, an acting period's end. Written when the recorder reports such side effects on another
   * event; the detection is the recorder's.
   */
  BACKFILL = 'BACKFILL',
}

registerEnumType(RevisionKind, { name: 'RevisionKind', description: 'How a kept state of an event came to be.' });
