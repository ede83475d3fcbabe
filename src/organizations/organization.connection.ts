import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { Organization } from './organization.entity.js';

@ObjectType()
export class OrganizationConnection extends Connection(Organization) {}
