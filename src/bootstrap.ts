import 'reflect-metadata';
import { Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { LogLevel as Level } from './config/env.dto.js';

const LEVELS: LogLevel[] = [Level.ERROR, Level.WARN, Level.LOG, Level.DEBUG, Level.VERBOSE];

/** LOG_LEVEL and everything more severe. */
export function logLevels(level: Level): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** Builds the HTTP application; shared by main.ts, the CLI and the e2e tests. */
export async function createApp(options: AppModuleOptions): Promise<INestApplication> {
  return NestFactory.create(AppModule.forRoot(options), { logger: logLevels(options.config.logLevel) });
}
