import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { OrganizationKind } from './organization-kind.enum.js';
import { GovernmentType } from '../governments/government-type.enum.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({
  description:
    'A unit of a government: the government itself (instansi: a top-level unit with its region code), a dinas/badan, kecamatan, kelurahan or UPTD. Every unit belongs to exactly one government.',
})
@Entity('organizations')
@Unique('organizations_code_key', ['code'])
@Unique('organizations_region_code_key', ['regionCode'])
// Only top-level units are governments, and each has its region code and type.
@Check('organizations_government_root_check', `(parent_id IS NULL) = (kind = 'GOVERNMENT') AND (kind = 'GOVERNMENT') = (region_code IS NOT NULL) AND (kind = 'GOVERNMENT') = (government_type IS NOT NULL)`)
@Check('organizations_government_self_check', `(parent_id IS NULL) = (government_id = id)`)
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

  @Field(() => String, { nullable: true, description: 'A government\'s kode wilayah (Permendagri 72/2019), e.g. "32.75" for Kota Bekasi, "32" for Provinsi Jawa Barat; null for its units.' })
  @Column({ name: 'region_code', type: 'varchar', length: 13, nullable: true })
  regionCode: string | null;

  @Field(() => GovernmentType, { nullable: true, description: 'A government\'s type; null for its units.' })
  @Column({ name: 'government_type', type: 'enum', enum: GovernmentType, enumName: 'government_type', nullable: true })
  governmentType: GovernmentType | null;

  /** The top-level unit above this one (itself for a government). Set by a trigger from the parent; a unit cannot move to another government. */
  @Index('organizations_government_id_idx')
  @Column({ name: 'government_id', type: 'bigint', insert: false, update: false })
  governmentId: string;

  // nullable here only to break TypeORM's self-reference cycle: the column is NOT NULL.
  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'government_id', foreignKeyConstraintName: 'organizations_government_id_fkey' })
  government?: Relation<Organization>;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;
}
