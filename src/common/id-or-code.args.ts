import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { CommonError, CommonErrorCode } from './errors/common.errors.js';

@ArgsType()
export class IdOrCodeArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'id must be a numeric id' })
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  code?: string;

  /** Exactly one of id and code. */
  require(): { id: string } | { code: string } {
    if (this.id !== undefined && this.code === undefined) return { id: this.id };
    if (this.code !== undefined && this.id === undefined) return { code: this.code };
    throw new CommonError(CommonErrorCode.MISSING_IDENTIFIER, 'Give exactly one of id and code.', [
      { field: 'id', code: CommonErrorCode.MISSING_IDENTIFIER, message: 'Give exactly one of id and code.' },
    ]);
  }
}
