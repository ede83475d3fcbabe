import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { mergeMap, type Observable } from 'rxjs';
import { CommonError, CommonErrorCode } from '../common/errors/common.errors.js';
import { currentReadScope, ReadScope, runInReadScope } from '../common/read-scope.js';
import { parseWalPosition } from './wal-position.js';
import { ReplicasService } from './replicas.service.js';

/** Read-your-writes: a write's answer names the primary's WAL position in this header (and a cookie, for browsers); reads sending it back see the write. */
export const POSITION_HEADER = 'x-mutasi-lsn';
const POSITION_COOKIE = 'mutasi_lsn';

/** The header's position, else the cookie's: a header that does not parse (empty, repeated) must not hide a good cookie. */
function positionOf(req: Request): bigint | undefined {
  const header = req.headers[POSITION_HEADER];
  const cookie = new RegExp(`(?:^|;\\s*)${POSITION_COOKIE}=([^;]*)`).exec(req.headers.cookie ?? '')?.[1];
  return parseWalPosition(typeof header === 'string' ? header : undefined) ?? parseWalPosition(cookie);
}

/** Decided elsewhere, however Express spells them (any case, trailing slashes): /graphql per operation, /health on the primary itself. */
const DECIDED_ELSEWHERE = /^\/(?:graphql|health)\/*$/i;
/** An HR import (its draft and rows, read back right after the dry run that wrote them) is read where it was written, while the primary answers. */
const IMPORTS = /^\/imports(?:\/|$)/i;

/**
 * Gives every request a read scope. A GET or HEAD (pages, exports, feeds, lampiran) is a read and gets
 * a replica connection now; /graphql waits for its operation (readRoutingPlugin); anything else
 * is a write and stays on the primary. The connection goes back to the pool when the response closes.
 */
export function readRouting(replicas: ReplicasService) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!replicas.enabled) return next();
    const scope = new ReadScope(positionOf(req));
    res.once('close', () => void scope.release());
    runInReadScope(scope, () => {
      // HEAD runs the GET handler (Express), its queries included.
      if ((req.method !== 'GET' && req.method !== 'HEAD') || DECIDED_ELSEWHERE.test(req.path) || (IMPORTS.test(req.path) && !replicas.primaryDown)) return next();
      void replicas
        .reader(scope.position, () => scope.closed)
        .catch(() => undefined) // the primary, then
        .then((reader) => {
          scope.use(reader);
          next();
        });
    });
  };
}

/**
 * The HR and admin lists, read wholly on the primary: a key just made, an import just checked
 * by its dry run, is there at once whichever instance is asked, position or not. Without the
 * primary, a replica (whatever it has) is better than no answer.
 */
const PRIMARY_FIELDS = new Set(['apiKeys', 'auditLog', 'imports', 'import']);

/** Whether the operation's root fields, through fragments of any nesting, include one of PRIMARY_FIELDS. */
function selectsPrimaryField(selections: readonly SelectionNode[], document: DocumentNode, seen = new Set<string>()): boolean {
  return selections.some((s) => {
    if (s.kind === Kind.FIELD) return PRIMARY_FIELDS.has(s.name.value);
    if (s.kind === Kind.INLINE_FRAGMENT) return selectsPrimaryField(s.selectionSet.selections, document, seen);
    if (seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    const fragment = document.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value);
    return fragment !== undefined && selectsPrimaryField(fragment.selectionSet.selections, document, seen);
  });
}

/** GraphQL queries read from a replica, but for the HR and admin lists above; mutations (dry runs included) stay on the primary. */
export function readRoutingPlugin(replicas: ReplicasService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          const scope = currentReadScope();
          if (!scope || scope.decided || operation?.operation !== 'query') return;
          const primary = !replicas.primaryDown && selectsPrimaryField(operation.selectionSet.selections, document);
          scope.use(primary ? undefined : await replicas.reader(scope.position, () => scope.closed));
        },
      };
    },
  };
}

/**
 * Writes (a GraphQL mutation, a POST to the REST API). While the replicas' checks find the
 * primary gone, one is refused at once (503 DATABASE_UNAVAILABLE, retry): on a primary that
 * hangs rather than refuses, its statement would wait on a pooled connection for good. After
 * one succeeds, its answer carries the primary's WAL position, as a header for API clients and
 * a cookie for the browser that made it: the writer's next reads wait for a replica that has
 * it, or read the primary.
 */
@Injectable()
export class WriteInterceptor implements NestInterceptor {
  constructor(private readonly replicas: ReplicasService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = this.replicas.enabled ? this.writeResponse(context) : undefined;
    if (!res) return next.handle();
    if (this.replicas.primaryDown) throw new CommonError(CommonErrorCode.DATABASE_UNAVAILABLE, 'The primary database cannot be reached; nothing was changed. Try again shortly');
    return next.handle().pipe(
      mergeMap(async (value) => {
        const position = await this.replicas.writePosition().catch(() => undefined);
        if (position && !res.headersSent) {
          res.setHeader(POSITION_HEADER, position);
          res.append('set-cookie', `${POSITION_COOKIE}=${position}; Path=/; Max-Age=${this.replicas.positionLifeSeconds}; SameSite=Lax; HttpOnly`);
        }
        return value;
      }),
    );
  }

  /** The response of a write, or undefined for a read. */
  private writeResponse(context: ExecutionContext): Response | undefined {
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const { req } = gql.getContext<{ req: Request }>();
      return gql.getInfo<GraphQLResolveInfo>().parentType.name === 'Mutation' ? req.res : undefined;
    }
    const req = context.switchToHttp().getRequest<Request>();
    return req.method !== 'GET' && req.method !== 'HEAD' ? context.switchToHttp().getResponse<Response>() : undefined;
  }
}
