import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { CommonError, CommonErrorCode } from '../../common/errors/common.errors.js';

@ArgsType()
export class OfficialLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'id must be a numeric id' })
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{18}$/, { message: 'nip must be 18 digits' })
  nip?: string;

  /** Exactly one of id and nip. */
  require(): { id: string } | { nip: string } {
    if (this.id !== undefined && this.nip === undefined) return { id: this.id };
    if (this.nip !== undefined && this.id === undefined) return { nip: this.nip };
    throw new CommonError(CommonErrorCode.MISSING_IDENTIFIER, 'Give exactly one of id and nip.', [
      { field: 'id', code: CommonErrorCode.MISSING_IDENTIFIER, message: 'Give exactly one of id and nip.' },
    ]);
  }
}
