import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { OrganizationKind } from './organization-kind.enum.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({ description: 'A unit of a regional government: the Pemkot itself, a dinas/badan, kecamatan, kelurahan or UPTD.' })
@Entity('organizations')
@Unique('organizations_code_key', ['code'])
@Check('organizations_dates_check', `dissolved_on IS NULL OR established_on IS NULL OR dissolved_on > established_on`)
@Check('organizations_not_own_parent_check', `parent_id IS NULL OR parent_id <> id`)
export class Organization extends TrackedRecord {
  @Field({ description: 'Stable unique code, e.g. "DINKES" or "PKM-BANTARGEBANG".' })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Index('organizations_parent_id_idx')
  @Column({ name: 'parent_id', type: 'bigint', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organizations_parent_id_fkey' })
  parent?: Relation<Organization> | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;
}
