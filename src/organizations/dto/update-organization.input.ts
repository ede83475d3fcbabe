import { InputType, PartialType } from '@nestjs/graphql';
import { CreateOrganizationInput } from './create-organization.input.js';

/** Every field optional; `parentId: null` moves a unit to the top of the tree. */
@InputType()
export class UpdateOrganizationInput extends PartialType(CreateOrganizationInput) {}
