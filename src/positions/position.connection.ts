import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/pagination/connection.js';
import { Position } from './position.entity.js';

@ObjectType()
export class PositionConnection extends Connection(Position) {}
