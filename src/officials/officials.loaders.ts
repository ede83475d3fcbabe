import { byIdLoader } from '../common/loaders/request-loaders.js';
import { Official } from './official.entity.js';

export const officialById = byIdLoader(Official);
