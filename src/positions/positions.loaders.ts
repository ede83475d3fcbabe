import { byIdLoader } from '../common/loaders/request-loaders.js';
import { Position } from './position.entity.js';

export const positionById = byIdLoader(Position);
