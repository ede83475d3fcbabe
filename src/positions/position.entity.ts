import { Field, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Organization } from '../organizations/organization.entity.js';
import { Echelon, PositionCategory } from './position.enums.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({ description: 'A post (jabatan) in a unit, held by at most one definitive official on any day.' })
@Entity('positions')
@Unique('positions_code_key', ['code'])
@Check('positions_dates_check', `abolished_on IS NULL OR established_on IS NULL OR abolished_on > established_on`)
export class Position extends TrackedRecord {
  @Field({ description: 'Stable unique code, e.g. "DINKES-KADIS".' })
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Field({ description: 'Nomenclature of the post, e.g. "Kepala Dinas Kesehatan".' })
  // GIN trigram index on mutasi_search_key(title), created in its migration (an expression
  // index, as for officials' names): `positions(search:)` finds words in any order and near spellings.
  @Index('positions_title_search_trgm_idx', { synchronize: false })
  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Index('positions_organization_id_idx')
  @Column({ name: 'organization_id', type: 'bigint' })
  organizationId: string;

  @ManyToOne(() => Organization, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'positions_organization_id_fkey' })
  organization?: Relation<Organization>;

  @Field(() => Echelon, { nullable: true, description: 'Null for non-structural posts.' })
  @Column({ type: 'enum', enum: Echelon, enumName: 'echelon', nullable: true })
  echelon: Echelon | null;

  @Field(() => PositionCategory)
  @Column({ type: 'enum', enum: PositionCategory, enumName: 'position_category' })
  category: PositionCategory;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'abolished_on', type: 'date', nullable: true })
  abolishedOn: string | null;
}
