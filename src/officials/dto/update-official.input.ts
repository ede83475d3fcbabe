import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateOfficialInput } from './create-official.input.js';

/** The registering government stays: a move to another government is a decree's, which changes who employs the official. */
@InputType()
export class UpdateOfficialInput extends PartialType(OmitType(CreateOfficialInput, ['government'] as const)) {}
