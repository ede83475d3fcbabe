import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import { personalData } from '../governments/personal-data.middleware.js';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Employment, Gender, Rank } from './official.enums.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({ description: 'A civil servant (ASN): PNS or PPPK.' })
@Entity('officials')
@Unique('officials_nip_key', ['nip'])
@Check('officials_nip_format_check', `nip ~ '^[0-9]{18}$'`)
export class Official extends TrackedRecord {
  @Field(() => String, { nullable: true, description: 'Nomor Induk Pegawai, 18 digits. Personal data: HR, ANALYST and ADMIN keys only, acting for the government employing or registering the official.', middleware: [personalData] })
  @Column({ type: 'char', length: 18, nullable: true })
  nip: string | null;

  @Field({ description: 'Name without academic or religious titles.' })
  // GIN trigram index on mutasi_search_key(name) (lower case, accents removed), created in
  // the migration: an expression index rather than a stored generated column, whose
  // bookkeeping in typeorm_metadata is tied to a database name and breaks in cloned databases.
  @Index('officials_search_key_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 150 })
  name: string;

  /**
   * The government that registered the official. Which government employs them on a day is
   * the one of their last definitive post by then (a move between governments changes it), else this one.
   */
  @Index('officials_government_id_idx')
  @Column({ name: 'government_id', type: 'bigint' })
  governmentId: string;

  @ManyToOne(() => Organization, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'government_id', foreignKeyConstraintName: 'officials_government_id_fkey' })
  government?: Relation<Organization>;

  @Field(() => String, { nullable: true, description: 'Gelar depan, e.g. "dr. H.".' })
  @Column({ name: 'honorific_prefix', type: 'varchar', length: 100, nullable: true })
  honorificPrefix: string | null;

  @Field(() => String, { nullable: true, description: 'Gelar belakang, e.g. "M.Kes.".' })
  @Column({ name: 'honorific_suffix', type: 'varchar', length: 100, nullable: true })
  honorificSuffix: string | null;

  @Field(() => Employment)
  @Column({ type: 'enum', enum: Employment, enumName: 'employment' })
  employment: Employment;

  @Field(() => Rank, { nullable: true, description: 'Pangkat/golongan ruang (PNS) or grade (PPPK).' })
  @Column({ type: 'enum', enum: Rank, enumName: 'rank', nullable: true })
  rank: Rank | null;

  @Field(() => Gender, { nullable: true, description: 'Derived from the NIP where it has one. Personal data: HR, ANALYST and ADMIN keys only, acting for the government employing or registering the official.', middleware: [personalData] })
  @Column({ type: 'enum', enum: Gender, enumName: 'gender', nullable: true })
  gender: Gender | null;

  @Field(() => DateScalar, { nullable: true, description: 'Derived from the NIP where it has one. Personal data: HR, ANALYST and ADMIN keys only, acting for the government employing or registering the official.', middleware: [personalData] })
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;
}
