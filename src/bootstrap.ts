import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { authMiddleware } from './auth/auth.middleware.js';
import { appLogger, PinoNestLogger } from './common/logging/app-logger.js';
import { requestLogging } from './common/logging/request-logging.js';
import { rateLimiter } from './common/rate-limit.js';
import { PostgresRateLimitStore } from './common/rate-limit-store.js';
import { readRouting } from './replication/read-routing.js';
import { ReplicasService } from './replication/replicas.service.js';
import { serveWebAssets } from './web/web-assets.js';
import { PAGE_PATHS } from './web/public-pages.controller.js';

/** Builds the HTTP application; shared by main.ts, the CLI and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const logger = appLogger(options.config.logLevel, options.logFd);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { logger: new PinoNestLogger(logger), bodyParser: false });
  // Order matters: an id and an access line for every request, refusals included; identify
  // the caller from its header alone (health needs no key), refuse floods by who the caller
  // turned out to be, and only then parse bodies.
  app.disable('x-powered-by'); // no need to tell a prober what we run on
  // Behind a load balancer every caller would otherwise be its address, and share one rate limit.
  app.set('trust proxy', options.config.trustProxy);
  app.use(requestLogging(logger));
  const api = ['/graphql', '/exports', '/imports', '/rotation-events', '/feeds'];
  app.use(api, authMiddleware(app.get(AuthService)));
  // Counted in PostgreSQL, so that instances on one database share the counts.
  const dataSource = app.get(DataSource);
  const replicas = app.get(ReplicasService);
  const primaryDown = () => replicas.primaryDown;
  app.use(api, rateLimiter(options.config.rateLimit, new PostgresRateLimitStore(dataSource, 'api', primaryDown)));
  // Pages run API queries for their reader (anonymously, in process): they count the same way.
  const pageLimiter = rateLimiter(options.config.rateLimit, new PostgresRateLimitStore(dataSource, 'pages', primaryDown));
  app.use((req: { path: string }, res: unknown, next: () => void) => (PAGE_PATHS.test(req.path) ? pageLimiter(req as never, res as never, next) : next()));
  serveWebAssets(app);
  app.useBodyParser('json', { limit: '1mb' }); // larger bodies get 413
  // After the body parser, which would lose the request's async context: reads from replicas.
  app.use(readRouting(replicas));
  return app;
}
