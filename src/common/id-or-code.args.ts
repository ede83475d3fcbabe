import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { CommonError, CommonErrorCode } from './errors/common.errors.js';
import { DatabaseId } from './validators.js';

@ArgsType()
export class IdOrCodeArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @DatabaseId()
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  code?: string;

  /** Exactly one of id and code. */
  require(): { id: string } | { code: string } {
    return exactlyOne({ id: this.id, code: this.code });
  }
}

/** The one identifier given among `given` (e.g. id or code); MISSING_IDENTIFIER when none or several are. */
export function exactlyOne<K extends string>(given: Record<K, string | undefined>): { [P in K]: Record<P, string> }[K] {
  const present = Object.entries(given).filter(([, v]) => v !== undefined) as [K, string][];
  if (present.length === 1) return { [present[0][0]]: present[0][1] } as { [P in K]: Record<P, string> }[K];
  const message = `Give exactly one of ${Object.keys(given).join(' and ')}.`;
  throw new CommonError(CommonErrorCode.MISSING_IDENTIFIER, message, [{ field: Object.keys(given)[0], code: CommonErrorCode.MISSING_IDENTIFIER, message }]);
}
