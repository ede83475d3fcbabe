import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Role } from './role.enum.js';

@ObjectType({ description: 'An API key. Its secret is shown once, at creation, and stored only as a hash.' })
@Entity('api_keys')
@Unique('api_keys_secret_hash_key', ['secretHash'])
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field({ description: 'Who or what the key is for.' })
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'api_key_role' })
  role: Role;

  @Field({ description: 'The first characters of the secret, to recognise a key without revealing it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the secret: the secret is 256 random bits, so a slow hash adds nothing. */
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @Field({ description: 'The key acts for every government (a key made by the command line without --government, or by such a key). Otherwise it acts for its governments only.' })
  @Column({ name: 'all_governments', type: 'boolean', default: false })
  allGovernments: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
