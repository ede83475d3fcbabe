import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { RequiredText } from '../../common/validators.js';
import { Role } from '../../auth/role.enum.js';

@InputType()
export class CreateApiKeyInput {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field({ description: 'Who or what the key is for, e.g. "BKPSDM Kota Bekasi – Siti".' })
  @RequiredText(200)
  label: string;
}
