import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { PaginationArgs } from '../../common/pagination/pagination.args.js';

@ArgsType()
export class AuditLogArgs extends PaginationArgs {
  @Field(() => String, { nullable: true, description: 'organization, position, official, rotation_event, api_key' })
  @IsOptional()
  @MaxLength(50)
  targetType?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  targetId?: string;

  @Field(() => ID, { nullable: true, description: 'Changes made with this API key.' })
  @IsOptional()
  apiKeyId?: string;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Until this instant (exclusive).' })
  @IsOptional()
  to?: Date;
}
