import { ArgsType, Field } from '@nestjs/graphql';
import { RequiredText } from '../../common/validators.js';

@ArgsType()
export class ReasonArgs {
  @Field({ description: 'Why: a public fact, shown with the correction (corrections, feeds); who made it stays in the ADMIN-only audit log.' })
  @RequiredText(2000)
  reason: string;
}
