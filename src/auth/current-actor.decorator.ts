import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.js';
import { requestOf } from './request.js';

/** The calling API key (null when anonymous). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor | null => requestOf(context).actor ?? null);
