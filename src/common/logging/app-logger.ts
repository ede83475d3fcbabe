import { ConsoleLogger, type LoggerService, type LogLevel as NestLogLevel } from '@nestjs/common';
import { pino, type Level, type Logger } from 'pino';
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

/** The app's logs: one JSON line each (pino) on `fd`, 2 for the command line, whose stdout is its output. */
export function appLogger(level: LogLevel, fd: 1 | 2 = 1): Logger {
  return pino({ level: PINO_LEVELS[level], timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(fd));
}

/**
 * Nest's logger interface over pino: `context` (the Logger's name) as a field, an error's
 * stack in `msg` after its message. Knows no request: lines about a request are written
 * through `req.log` (see requestLogging), which carries its id.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest calls `(message, context)`, and for errors `(message, stack, context)`. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const text = message instanceof Error ? (message.stack ?? message.message) : typeof message === 'string' ? message : JSON.stringify(message);
    const extra = params.filter((p) => typeof p === 'string');
    this.pino[level]({ context }, [text, ...extra].join('\n'));
  }
}
