import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Exclusion, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { Capacity } from '../history/history.enums.js';
import { Transfer } from '../rotations/transfer.entity.js';

/**
 * Who held which post when: a projection of the transfers, rebuilt by one service only.
 * Covers started_on <= d < ended_on. Deferred exclusion constraints let one event swap
 * two heads or move a chain A→B→C→A: overlap is checked at commit, not row by row.
 * A head (definitive or by additional task) holds one of the post's seats: the seat number
 * is at most the post's seats (copied through the composite key, so the check can see it),
 * and no two heads hold one seat on one day — so a post never has more heads than seats.
 */
@ObjectType({ description: 'A period in which an official held a post: started_on ≤ day < ended_on.' })
@Entity('appointments')
@Exclusion(
  'appointments_position_no_overlap',
  `USING gist ("position_id" WITH =, "seat" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" IN ('DEFINITIVE', 'ADDITIONAL_TASK'))`,
  { deferrable: 'INITIALLY DEFERRED' },
)
@Exclusion(
  'appointments_official_no_overlap',
  `USING gist ("official_id" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" = 'DEFINITIVE')`,
  { deferrable: 'INITIALLY DEFERRED' },
)
@Exclusion(
  'appointments_official_one_task',
  `USING gist ("official_id" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" = 'ADDITIONAL_TASK')`,
  { deferrable: 'INITIALLY DEFERRED' },
)
@Check('appointments_dates_check', `ended_on IS NULL OR ended_on > started_on`)
@Check('appointments_seat_check', `seat BETWEEN 1 AND position_seats`)
@ForeignKey(() => Position, ['positionId', 'positionSeats'], ['id', 'seats'], { name: 'appointments_position_seats_fkey', onUpdate: 'CASCADE', onDelete: 'RESTRICT' })
export class Appointment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('appointments_official_id_idx')
  @Column({ name: 'official_id', type: 'bigint' })
  officialId: string;

  @ManyToOne(() => Official, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'official_id', foreignKeyConstraintName: 'appointments_official_id_fkey' })
  official?: Relation<Official>;

  @Index('appointments_position_id_idx')
  @Column({ name: 'position_id', type: 'bigint' })
  positionId: string;

  @ManyToOne(() => Position, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'position_id', foreignKeyConstraintName: 'appointments_position_id_fkey' })
  position?: Relation<Position>;

  @Field(() => Capacity)
  @Column({ type: 'enum', enum: Capacity, enumName: 'capacity' })
  capacity: Capacity;

  /** Which of the post's seats a head holds (1 on a single-seat post), numbered by the projection. */
  @Column({ type: 'int', default: 1 })
  seat: number;

  /** The post's seats, kept equal to them by the composite foreign key (ON UPDATE CASCADE). */
  @Column({ name: 'position_seats', type: 'int', default: 1 })
  positionSeats: number;

  @Field(() => DateScalar)
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the next holder took over; null while still held.' })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'started_by_transfer_id', type: 'bigint' })
  startedByTransferId: string;

  @ManyToOne(() => Transfer, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'started_by_transfer_id', foreignKeyConstraintName: 'appointments_started_by_transfer_id_fkey' })
  startedByTransfer?: Relation<Transfer>;

  @Column({ name: 'ended_by_transfer_id', type: 'bigint', nullable: true })
  endedByTransferId: string | null;

  @ManyToOne(() => Transfer, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ended_by_transfer_id', foreignKeyConstraintName: 'appointments_ended_by_transfer_id_fkey' })
  endedByTransfer?: Relation<Transfer> | null;

  /** When this state became the record (transaction time); earlier states are in appointments_history. Set by a trigger. */
  @Column({ name: 'recorded_from', type: 'timestamptz', default: () => 'now()' })
  recordedFrom: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
