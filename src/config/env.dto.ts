import { Expose, Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export enum LogLevel {
  ERROR = 'error',
  WARN = 'warn',
  LOG = 'log',
  DEBUG = 'debug',
  VERBOSE = 'verbose',
}

export enum NodeEnv {
  DEVELOPMENT = 'development',
  PRODUCTION = 'production',
  TEST = 'test',
}

/** Every environment variable Mutasi reads, validated once at boot. */
export class EnvDto {
  @Expose()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/mutasi',
  })
  DATABASE_URL?: string;

  /** Streaming replicas of DATABASE_URL's database, comma-separated: reads go to them. */
  @Expose()
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s,]+(\s*,\s*postgres(ql)?:\/\/[^\s,]+)*$/, {
    message: 'DATABASE_REPLICA_URLS must be PostgreSQL URLs separated by commas, such as postgres://user:password@replica1:5432/mutasi,postgres://user:password@replica2:5432/mutasi',
  })
  DATABASE_REPLICA_URLS?: string;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number of connections, 1 to 500' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be a whole number of connections, 1 to 500' })
  @Max(500, { message: 'DATABASE_POOL_SIZE must be a whole number of connections, 1 to 500' })
  DATABASE_POOL_SIZE: number = 10;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_REPLICA_MAX_LAG_SECONDS must be a whole number of seconds, at least 1' })
  @Min(1, { message: 'DATABASE_REPLICA_MAX_LAG_SECONDS must be a whole number of seconds, at least 1' })
  DATABASE_REPLICA_MAX_LAG_SECONDS: number = 30;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'DATABASE_REPLICA_WAIT_MS must be a whole number of milliseconds, 0 to 60000' })
  @Min(0, { message: 'DATABASE_REPLICA_WAIT_MS must be a whole number of milliseconds, 0 to 60000' })
  @Max(60_000, { message: 'DATABASE_REPLICA_WAIT_MS must be a whole number of milliseconds, 0 to 60000' })
  DATABASE_REPLICA_WAIT_MS: number = 1000;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT: number = 3000;

  @Expose()
  @IsString()
  @MinLength(1, { message: 'DATA_DIR must be a directory path' })
  DATA_DIR: string = '.data';

  @Expose()
  @IsEnum(LogLevel, { message: `LOG_LEVEL must be one of: ${Object.values(LogLevel).join(', ')}` })
  LOG_LEVEL: LogLevel = LogLevel.LOG;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'RATE_LIMIT_ANONYMOUS must be a whole number of requests per window, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_ANONYMOUS must be a whole number of requests per window, at least 1' })
  RATE_LIMIT_ANONYMOUS: number = 120;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'RATE_LIMIT_PER_KEY must be a whole number of requests per window, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_PER_KEY must be a whole number of requests per window, at least 1' })
  RATE_LIMIT_PER_KEY: number = 1200;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, at least 1' })
  @Min(1, { message: 'RATE_LIMIT_WINDOW_SECONDS must be a whole number of seconds, at least 1' })
  RATE_LIMIT_WINDOW_SECONDS: number = 60;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'IMPORT_MAX_ROWS must be a whole number of rows, 1 to 1000000' })
  @Min(1, { message: 'IMPORT_MAX_ROWS must be a whole number of rows, 1 to 1000000' })
  @Max(1_000_000, { message: 'IMPORT_MAX_ROWS must be a whole number of rows, 1 to 1000000' })
  IMPORT_MAX_ROWS: number = 50_000;

  @Expose()
  @Type(() => Number)
  @IsInt({ message: 'IMPORT_MAX_MEGABYTES must be a whole number of megabytes, 1 to 200' })
  @Min(1, { message: 'IMPORT_MAX_MEGABYTES must be a whole number of megabytes, 1 to 200' })
  @Max(200, { message: 'IMPORT_MAX_MEGABYTES must be a whole number of megabytes, 1 to 200' })
  IMPORT_MAX_MEGABYTES: number = 20;

  /** The naming authority of the feeds' entry ids (tag:AUTHORITY,2026:event/11): this deployment's domain, never changed once published. */
  @Expose()
  @Matches(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: 'FEED_TAG_AUTHORITY must be a lower-case domain name, e.g. mutasi.bekasikota.go.id',
  })
  FEED_TAG_AUTHORITY: string = 'mutasi.local';

  /** Behind a load balancer: which hops' X-Forwarded-For to believe, so that req.ip (rate limits, logs) is the client's. */
  @Expose()
  @IsOptional()
  @Matches(/^(?:\d{1,2}|(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)(?:\s*,\s*(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?))*)$/, {
    message: 'TRUST_PROXY must be the number of proxies in front of Mutasi (e.g. 1) or their addresses, comma-separated (e.g. 10.0.0.5,10.0.1.0/24 or loopback)',
  })
  TRUST_PROXY?: string;

  @Expose()
  @IsIn(['true', 'false'], { message: 'SEED_DEMO must be true or false' })
  SEED_DEMO: string = 'true';

  @Expose()
  @IsEnum(NodeEnv, { message: `NODE_ENV must be one of: ${Object.values(NodeEnv).join(', ')}` })
  NODE_ENV: NodeEnv = NodeEnv.PRODUCTION;
}
