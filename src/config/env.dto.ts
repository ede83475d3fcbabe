import { Expose, Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

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
  @IsEnum(NodeEnv, { message: `NODE_ENV must be one of: ${Object.values(NodeEnv).join(', ')}` })
  NODE_ENV: NodeEnv = NodeEnv.DEVELOPMENT;
}
