import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, MaxLength } from 'class-validator';
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

  @Field(() => [String], {
    nullable: true,
    description:
      'The governments the key acts for, by code or region code ("32.75"). Left out: every government, which only a key acting for every government may give; otherwise the creating key\'s own governments.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @MaxLength(50, { each: true })
  governments?: string[] | null;
}
