import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { RotationEvent } from './rotation-event.entity.js';
import { Capacity, TransferKind } from '../history/history.enums.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({ description: 'One row of the decree annex (lampiran SK): an official leaving a post, entering one, or both.' })
@Entity('transfers')
@Unique('transfers_event_id_seq_key', ['eventId', 'seq'])
@Check('transfers_has_a_post_check', `from_position_id IS NOT NULL OR to_position_id IS NOT NULL`)
@Check('transfers_seq_check', `seq >= 1`)
// The few acting transfers of a post, found fast when its definitive holder changes.
@Index('transfers_acting_to_position_idx', ['toPositionId'], { where: `capacity <> 'DEFINITIVE'` })
export class Transfer extends TrackedRecord {
  @Column({ name: 'event_id', type: 'bigint' })
  eventId: string;

  @ManyToOne(() => RotationEvent, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'transfers_event_id_fkey' })
  event?: Relation<RotationEvent>;

  @Field(() => Int, { description: 'Row number in the lampiran, from 1.' })
  @Column({ type: 'int' })
  seq: number;

  @Index('transfers_official_id_idx')
  @Column({ name: 'official_id', type: 'bigint' })
  officialId: string;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'transfers_official_id_fkey' })
  official?: Relation<Official>;

  @Index('transfers_from_position_id_idx')
  @Column({ name: 'from_position_id', type: 'bigint', nullable: true })
  fromPositionId: string | null;

  @ManyToOne(() => Position, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_position_id', foreignKeyConstraintName: 'transfers_from_position_id_fkey' })
  fromPosition?: Relation<Position> | null;

  @Index('transfers_to_position_id_idx')
  @Column({ name: 'to_position_id', type: 'bigint', nullable: true })
  toPositionId: string | null;

  @ManyToOne(() => Position, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_position_id', foreignKeyConstraintName: 'transfers_to_position_id_fkey' })
  toPosition?: Relation<Position> | null;

  /**
   * Whether the decree named the origin. An origin it did not name is derived from the history
   * and re-derived when an earlier decree is recorded later (back-filling), as if the
   * decrees had been recorded in date order; a named origin is checked instead.
   */
  @Column({ name: 'from_stated', type: 'boolean', default: false })
  fromStated: boolean;

  @Field(() => TransferKind)
  @Column({ type: 'enum', enum: TransferKind, enumName: 'transfer_kind' })
  kind: TransferKind;

  /** Whether the decree stated the kind; otherwise it follows the (possibly re-derived) origin. */
  @Column({ name: 'kind_stated', type: 'boolean', default: false })
  kindStated: boolean;

  @Field(() => Capacity)
  @Column({ type: 'enum', enum: Capacity, enumName: 'capacity', default: Capacity.DEFINITIVE })
  capacity: Capacity;

  /** When this state became the record (transaction time); earlier states are in transfers_history. Set by a trigger. */
  @Column({ name: 'recorded_from', type: 'timestamptz', default: () => 'now()' })
  recordedFrom: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
