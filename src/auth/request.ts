import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedRequest } from './actor.js';

/** The HTTP request behind a GraphQL resolver or a REST handler. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req
    : context.switchToHttp().getRequest<AuthenticatedRequest>();
}
