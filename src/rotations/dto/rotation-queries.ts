import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { AS_RECORDED_DESCRIPTION } from '../../common/as-recorded.js';
import { IsBoolean, IsEnum, IsOptional, MaxLength } from 'class-validator';
import { Connection } from '../../common/pagination/connection.js';
import { UnitArgs } from '../../common/unit.args.js';
import { DateScalar } from '../../common/scalars/date.scalar.js';
import { Organization } from '../../organizations/organization.entity.js';
import { Echelon, PositionCategory } from '../../positions/position.enums.js';
import { WithEchelonFilter } from '../../positions/echelon-filter.js';
import { RotationEvent } from '../rotation-event.entity.js';
import { TransferKind } from '../../history/history.enums.js';
import { Transfer } from '../transfer.entity.js';

@ArgsType()
export class DateRangeArgs extends UnitArgs {
  @Field(() => DateScalar, { nullable: true, description: 'From this effective date (inclusive).' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Up to this effective date (inclusive).' })
  @IsOptional()
  to?: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Also voided events (and their transfers), marked by status VOIDED.' })
  @IsBoolean()
  includeVoided: boolean;
}

@ArgsType()
export class TransfersArgs extends WithEchelonFilter(DateRangeArgs, 'Moves from or to a post') {
  @Field(() => TransferKind, { nullable: true })
  @IsOptional()
  @IsEnum(TransferKind)
  kind?: TransferKind;

  @Field(() => Date, { nullable: true, description: AS_RECORDED_DESCRIPTION })
  @IsOptional()
  asRecordedAt?: Date;
}

@ArgsType()
export class RotationEventsArgs extends DateRangeArgs {
  @Field(() => String, { nullable: true, description: 'Part of the title or decree number, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => Date, { nullable: true, description: AS_RECORDED_DESCRIPTION })
  @IsOptional()
  asRecordedAt?: Date;
}

@ObjectType()
export class TransferConnection extends Connection(Transfer) {}

@ObjectType()
export class RotationEventConnection extends Connection(RotationEvent) {}

@ObjectType()
export class KindCount {
  @Field(() => TransferKind)
  kind: TransferKind;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class EchelonCount {
  @Field(() => Echelon, { nullable: true, description: 'Null: non-structural posts (functional, UPTD heads).' })
  echelon: Echelon | null;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CategoryCount {
  @Field(() => PositionCategory)
  category: PositionCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class OrganizationCount {
  organizationId: string;

  @Field(() => Organization)
  organization: Organization;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'An event in numbers. Each transfer counts under its destination post, or its origin when it has none.' })
export class RotationEventSummary {
  @Field(() => Int)
  transfers: number;

  @Field(() => [KindCount])
  byKind: KindCount[];

  @Field(() => [EchelonCount])
  byEchelon: EchelonCount[];

  @Field(() => [CategoryCount])
  byCategory: CategoryCount[];

  @Field(() => [OrganizationCount], { description: 'By the unit of the post.' })
  byOrganization: OrganizationCount[];
}
