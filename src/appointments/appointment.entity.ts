import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Official } from '../officials/official.entity.js';
import { Position } from '../positions/position.entity.js';
import { Capacity } from '../history/history.enums.js';
import { Transfer } from '../rotations/transfer.entity.js';

/**
 * Who held which post when: a projection of the transfers, rebuilt by one service only.
 * Covers started_on <= d < ended_on. Deferred exclusion constraints let one event swap
 * two heads or move a chain A→B→C→A: overlap is checked at commit, not row by row.
 */
@ObjectType({ description: 'A period in which an official held a post: started_on ≤ day < ended_on.' })
@Entity('appointments')
@Exclusion(
  'appointments_position_no_overlap',
  `USING gist ("position_id" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" = 'DEFINITIVE')`,
  { deferrable: 'INITIALLY DEFERRED' },
)
@Exclusion(
  'appointments_official_no_overlap',
  `USING gist ("official_id" WITH =, daterange("started_on", "ended_on") WITH &&) WHERE ("capacity" = 'DEFINITIVE')`,
  { deferrable: 'INITIALLY DEFERRED' },
)
@Check('appointments_dates_check', `ended_on IS NULL OR ended_on > started_on`)
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
