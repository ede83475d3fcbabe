import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { Official } from './official.entity.js';

@ObjectType()
export class OfficialConnection extends Connection(Official) {}
