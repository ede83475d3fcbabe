import { ConsoleLogger, type LogLevel as NestLogLevel } from '@nestjs/common';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { pino, type Level } from 'pino';
import { LogLevel } from '../../config/env.dto.js';

const LEVELS: NestLogLevel[] = [LogLevel.ERROR, LogLevel.WARN, LogLevel.LOG, LogLevel.DEBUG, LogLevel.VERBOSE];
const PINO_LEVELS: Record<LogLevel, Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/** LOG_LEVEL and everything more severe. */
export function logLevels(level: LogLevel): NestLogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** A ConsoleLogger that writes every level to stderr: the command line's stdout is its output (a secret, a report). */
class StderrLogger extends ConsoleLogger {
  protected override printMessages(messages: unknown[], context?: string, logLevel?: NestLogLevel, _stream?: 'stdout' | 'stderr', errorStack?: unknown, params?: Record<string, any>): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack, params);
  }
}

/**
 * Before the app exists (starting the database): JSON lines without colour unless a person
 * watches a terminal; on stdout for the server, stderr (`fd` 2) for the command line.
 */
export function bootLogger(level: LogLevel, fd: 1 | 2 = 1): ConsoleLogger {
  const stream = fd === 1 ? process.stdout : process.stderr;
  const tty = !!stream.isTTY;
  const options = { logLevels: logLevels(level), json: !tty, colors: tty };
  return fd === 1 ? new ConsoleLogger(options) : new StderrLogger(options);
}

/**
 * The app's logs: one JSON line each (pino), every line written while serving a request
 * carrying that request's `requestId`, one access line per request. Headers are not logged
 * (they carry API keys). `fd` 2 for the command line, whose stdout is its output.
 */
export function loggingModule(level: LogLevel, fd: 1 | 2 = 1) {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: PINO_LEVELS[level],
        genReqId: (req) => (req as Request & { id?: string }).id ?? 'none',
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        serializers: {
          req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        timestamp: pino.stdTimeFunctions.isoTime,
      },
      pino.destination(fd),
    ],
  });
}
