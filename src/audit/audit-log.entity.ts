import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity.js';

/** Append-only: who (API key), when, which operation, on which row, with before and after. */
@ObjectType({ description: 'One change: who (API key), when, which operation, on which row, before and after.' })
@Entity('audit_log')
@Index('audit_log_target_idx', ['targetType', 'targetId'])
@Index('audit_log_created_at_idx', ['createdAt'])
export class AuditLog {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** Null for the command line, which acts without a key. */
  @Field(() => ID, { nullable: true, description: 'Null for changes made from the command line.' })
  @Index('audit_log_api_key_id_idx')
  @Column({ name: 'api_key_id', type: 'bigint', nullable: true })
  apiKeyId: string | null;

  @ManyToOne(() => ApiKey, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'audit_log_api_key_id_fkey' })
  apiKey?: Relation<ApiKey> | null;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Field()
  @Column({ name: 'target_type', type: 'varchar', length: 50 })
  targetType: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'target_id', type: 'bigint', nullable: true })
  targetId: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  before: object | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  after: object | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
