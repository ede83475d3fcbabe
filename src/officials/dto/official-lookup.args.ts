import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { exactlyOne } from '../../common/id-or-code.args.js';
import { DatabaseId } from '../../common/validators.js';

@ArgsType()
export class OfficialLookupArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @DatabaseId()
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{18}$/, { message: 'nip must be 18 digits' })
  nip?: string;

  /** Exactly one of id and nip. */
  require(): { id: string } | { nip: string } {
    return exactlyOne({ id: this.id, nip: this.nip });
  }
}
