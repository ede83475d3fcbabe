import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { ApiKeysService } from './auth/api-keys.service.js';
import { authMiddleware } from './auth/auth.middleware.js';
import { rateLimiter } from './common/rate-limit.js';
import { LogLevel as Level } from './config/env.dto.js';

const LEVELS: LogLevel[] = [Level.ERROR, Level.WARN, Level.LOG, Level.DEBUG, Level.VERBOSE];

/** LOG_LEVEL and everything more severe. */
export function logLevels(level: Level): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** Builds the HTTP application; shared by main.ts, the CLI and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: logLevels(options.config.logLevel),
    bodyParser: false,
  });
  // Order matters: refuse floods before parsing or touching the database, then identify the caller.
  app.use(['/graphql', '/exports'], rateLimiter(options.config.rateLimit));
  app.useBodyParser('json', { limit: '1mb' }); // larger bodies get 413
  app.use(authMiddleware(app.get(ApiKeysService)));
  return app;
}
