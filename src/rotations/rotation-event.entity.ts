import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn, type Relation } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { TimeOfDayScalar } from '../common/scalars/time-of-day.scalar.js';
import { RotationProblem } from './dto/rotation-problem.js';
import { RotationEventStatus } from './rotation.enums.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({ description: 'One swearing-in (pelantikan): a decree and its batch of transfers.' })
@Entity('rotation_events')
@Index('rotation_events_issuer_decree_number_key', ['issuer', 'decreeNumber'], { unique: true, where: 'decree_number IS NOT NULL' })
@Index('rotation_events_idempotency_key_key', ['idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('rotation_events_effective_on_idx', ['effectiveOn'])
@Check('rotation_events_effective_on_check', `effective_on >= decree_date OR decree_date IS NULL`)
export class RotationEvent extends TrackedRecord {
  @Field()
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field({ description: 'Who issued the decree, e.g. "Wali Kota Bekasi".' })
  @Column({ type: 'varchar', length: 255 })
  issuer: string;

  @Field(() => String, { nullable: true, description: 'Who signed the decree, by name, e.g. "Tri Adhianto".' })
  @Column({ name: 'signatory_name', type: 'varchar', length: 255, nullable: true })
  signatoryName: string | null;

  @Field(() => String, { nullable: true, description: 'The signatory\'s office, e.g. "Wali Kota Bekasi".' })
  @Column({ name: 'signatory_title', type: 'varchar', length: 255, nullable: true })
  signatoryTitle: string | null;

  @Field(() => String, { nullable: true, description: 'Nomor SK.' })
  @Column({ name: 'decree_number', type: 'varchar', length: 255, nullable: true })
  decreeNumber: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Tanggal SK.' })
  @Column({ name: 'decree_date', type: 'date', nullable: true })
  decreeDate: string | null;

  @Field(() => DateScalar, { description: 'Day of the ceremony.' })
  @Column({ name: 'sworn_in_on', type: 'date' })
  swornInOn: string;

  @Field(() => TimeOfDayScalar, { nullable: true, description: 'When the ceremony began, local time (WIB for Kota Bekasi).' })
  @Column({ name: 'sworn_in_at', type: 'time', nullable: true })
  swornInAt: string | null;

  @Field(() => DateScalar, { description: 'TMT: the day the transfers take effect.' })
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'Where the ceremony was held (the time is swornInAt).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_url', type: 'varchar', length: 2000, nullable: true })
  sourceUrl: string | null;

  @Field(() => RotationEventStatus, { description: 'VOIDED: cancelled, out of the history; lists and counts leave it out unless includeVoided.' })
  @Column({ type: 'enum', enum: RotationEventStatus, enumName: 'rotation_event_status', default: RotationEventStatus.RECORDED })
  status: RotationEventStatus;

  @Field(() => String, { nullable: true, description: 'Why the event was voided.' })
  @Column({ name: 'void_reason', type: 'text', nullable: true })
  voidReason: string | null;

  @Field(() => Int, { description: 'Increases with every amendment; amend and void must name it.' })
  @VersionColumn({ default: 1 })
  version: number;

  /** Replayed to a retry with the same idempotency key; a void's are what voiding changed in other events. */
  @Field(() => [RotationProblem], { description: 'The warnings reported when the event was recorded, last amended, or voided.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: object[];

  @Column({ name: 'idempotency_key', type: 'varchar', length: 255, nullable: true })
  idempotencyKey: string | null;

  /** The government whose decree this is: every post its lampiran fills or leaves belongs to it. */
  @Index('rotation_events_government_id_idx')
  @Column({ name: 'government_id', type: 'bigint' })
  governmentId: string;

  @ManyToOne(() => Organization, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'government_id', foreignKeyConstraintName: 'rotation_events_government_id_fkey' })
  government?: Relation<Organization>;

  /** When this state became the record (transaction time); earlier states are in rotation_events_history. Set by a trigger. */
  @Column({ name: 'recorded_from', type: 'timestamptz', default: () => 'now()' })
  recordedFrom: Date;

  /** SHA-256 of the submitted input, to tell a retry from a different submission under the same key. */
  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true })
  requestHash: string | null;
}
