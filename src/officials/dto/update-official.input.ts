import { InputType, PartialType } from '@nestjs/graphql';
import { CreateOfficialInput } from './create-official.input.js';

@InputType()
export class UpdateOfficialInput extends PartialType(CreateOfficialInput) {}
