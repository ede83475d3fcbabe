import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { authMiddleware } from './auth/auth.middleware.js';
import { requestContext } from './common/logging/request-context.js';
import { rateLimiter } from './common/rate-limit.js';

/** Builds the HTTP application; shared by main.ts, the CLI and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  // Order matters: identify the caller from its header alone (health needs no key), refuse
  // floods by who the caller turned out to be, and only then parse bodies.
  const api = ['/graphql', '/exports'];
  app.use(api, authMiddleware(app.get(AuthService)));
  app.use(api, rateLimiter(options.config.rateLimit));
  app.useBodyParser('json', { limit: '1mb' }); // larger bodies get 413
  app.use(requestContext());
  return app;
}
