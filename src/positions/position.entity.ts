import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { DateScalar } from '../common/scalars/date.scalar.js';
import { Organization } from '../organizations/organization.entity.js';
import { Echelon, FunctionalLevel, PositionCategory } from './position.enums.js';
import { TrackedRecord } from '../common/entities/tracked-record.entity.js';

@ObjectType({
  description:
    'A post (jabatan) in a unit. A structural post or an UPTD head has one head on any day; a functional or executor post may have several seats (formasi), each held by one official.',
})
@Entity('positions')
@Unique('positions_code_key', ['code'])
// Target of appointments' (position_id, position_seats) key, which lets them check their seat number.
@Unique('positions_id_seats_key', ['id', 'seats'])
@Check('positions_dates_check', `abolished_on IS NULL OR established_on IS NULL OR abolished_on > established_on`)
@Check('positions_seats_check', `seats >= 1 AND (seats = 1 OR category IN ('FUNCTIONAL', 'EXECUTOR'))`)
@Check('positions_functional_level_check', `functional_level IS NULL OR category = 'FUNCTIONAL'`)
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

  @Field(() => FunctionalLevel, { nullable: true, description: 'The level (jenjang) of a functional post; decides its retirement age.' })
  @Column({ name: 'functional_level', type: 'enum', enum: FunctionalLevel, enumName: 'functional_level', nullable: true })
  functionalLevel: FunctionalLevel | null;

  @Field(() => Int, { description: 'Seats (formasi): how many officials may hold the post definitively at once. 1 except for functional and executor posts.' })
  @Column({ type: 'int', default: 1 })
  seats: number;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'established_on', type: 'date', nullable: true })
  establishedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'abolished_on', type: 'date', nullable: true })
  abolishedOn: string | null;
}
