import { InputType, PartialType } from '@nestjs/graphql';
import { CreatePositionInput } from './create-position.input.js';

@InputType()
export class UpdatePositionInput extends PartialType(CreatePositionInput) {}
