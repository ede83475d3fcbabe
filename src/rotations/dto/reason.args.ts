import { ArgsType, Field } from '@nestjs/graphql';
import { RequiredText } from '../../common/validators.js';

@ArgsType()
export class ReasonArgs {
  @Field({ description: 'Why: kept in the audit log.' })
  @RequiredText(2000)
  reason: string;
}
