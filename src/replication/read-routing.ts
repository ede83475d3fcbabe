import type { ApolloServerPlugin } from '@apollo/server';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';
import { mergeMap, type Observable } from 'rxjs';
import { currentReadScope, ReadScope, runInReadScope } from '../common/read-scope.js';
import { parseWalPosition } from './wal-position.js';
import { ReplicasService } from './replicas.service.js';

/** Read-your-writes: a write's answer names the primary's WAL position in this header (and a cookie, for browsers); reads sending it back see the write. */
export const POSITION_HEADER = 'x-mutasi-lsn';
const POSITION_COOKIE = 'mutasi_lsn';

function positionOf(req: Request): bigint | undefined {
  const header = req.headers[POSITION_HEADER];
  if (typeof header === 'string') return parseWalPosition(header);
  return parseWalPosition(new RegExp(`(?:^|;\\s*)${POSITION_COOKIE}=([^;]*)`).exec(req.headers.cookie ?? '')?.[1]);
}

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
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/graphql' || req.path === '/health') return next();
      void replicas
        .reader(scope.position)
        .catch(() => undefined) // the primary, then
        .then((reader) => {
          scope.use(reader);
          next();
        });
    });
  };
}

/**
 * Root fields whose rows TypeORM repositories read, on the primary (`defaultMode: 'master'`):
 * their nested fields (loaders, plain queries) must read there too, or a replica catching up
 * would show a fresh API key acting for no government, a fresh import without its rows.
 */
const PRIMARY_FIELDS = new Set(['apiKeys', 'auditLog', 'imports', 'import']);

function selectsPrimaryField(selections: readonly SelectionNode[]): boolean {
  return selections.some((s) => (s.kind === Kind.FIELD ? PRIMARY_FIELDS.has(s.name.value) : s.kind === Kind.INLINE_FRAGMENT && selectsPrimaryField(s.selectionSet.selections)));
}

/** GraphQL queries read from a replica, but for the HR and admin lists above; mutations (dry runs included) stay on the primary. */
export function readRoutingPlugin(replicas: ReplicasService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          const scope = currentReadScope();
          if (!scope || scope.decided || operation?.operation !== 'query') return;
          // Fragment spreads at the root are looked into too.
          const spread = document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION && d.typeCondition.name.value === 'Query' ? d.selectionSet.selections : []));
          const root = operation.selectionSet.selections;
          const primary = selectsPrimaryField(root) || (root.some((s) => s.kind === Kind.FRAGMENT_SPREAD) && selectsPrimaryField(spread));
          scope.use(primary ? undefined : await replicas.reader(scope.position));
        },
      };
    },
  };
}

/**
 * After a write (a GraphQL mutation, a POST to the REST API) succeeds, its answer carries the
 * primary's WAL position, as a header for API clients and a cookie for the browser that made
 * it: the writer's next reads wait for a replica that has it, or read the primary.
 */
@Injectable()
export class WritePositionInterceptor implements NestInterceptor {
  constructor(private readonly replicas: ReplicasService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = this.replicas.enabled ? this.writeResponse(context) : undefined;
    if (!res) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value) => {
        const position = await this.replicas.writePosition().catch(() => undefined);
        if (position && !res.headersSent) {
          res.setHeader(POSITION_HEADER, position);
          // A replica is at most DATABASE_REPLICA_MAX_LAG_SECONDS behind or out of reads: after that the cookie has done its work.
          res.append('set-cookie', `${POSITION_COOKIE}=${position}; Path=/; Max-Age=${this.replicas.maxLagSeconds}; SameSite=Lax; HttpOnly`);
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
