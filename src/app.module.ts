import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AppExceptionFilter } from './common/errors/exception.filter.js';
import { createErrorFormatter, unexpectedErrorPlugin } from './common/errors/graphql-errors.js';
import { wireDirectFields } from './common/graphql/direct-field.js';
import { costLimitPlugin, validationRules } from './common/graphql/graphql-limits.js';
import { inputGuardPlugin } from './common/graphql/input-guard.plugin.js';
import { introspectionPlugin } from './common/graphql/introspection.plugin.js';
import { responseStatusPlugin } from './common/graphql/response-status.plugin.js';
import { DateTimeScalar } from './common/scalars/date-time.scalar.js';
import { RequestLoaders, type GraphQLContext } from './common/loaders/request-loaders.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { reachableReplicas } from './replication/replica-urls.js';
import { ReplicatedDataSource } from './database/replicated-data-source.js';
import { readRoutingPlugin } from './replication/read-routing.js';
import { ReplicasService } from './replication/replicas.service.js';
import { ReplicationModule } from './replication/replication.module.js';
import { AppointmentsModule } from './appointments/appointments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { GovernmentsModule } from './governments/governments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CorrectionsModule } from './corrections/corrections.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { AppConfigModule } from './config/app-config.module.js';
import { HealthModule } from './health/health.module.js';
import { OfficialsModule } from './officials/officials.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { PositionsModule } from './positions/positions.module.js';
import { RotationsModule } from './rotations/rotations.module.js';
import { WebModule } from './web/web.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL or the embedded server's URL. */
  databaseUrl: string;
  /** Apply pending migrations at boot (the app does; tests start from a migrated template). */
  migrate?: boolean;
  /** Write the GraphQL schema to this file at boot (`npm run schema`). */
  schemaFile?: string;
  /** Where logs go: stdout (1) for the server, stderr (2) for the command line, whose stdout is its output. */
  logFd?: 1 | 2;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const replicas = config.replicas.urls.length > 0 ? await reachableReplicas(config.replicas.urls) : undefined;
            return { ...dataSourceOptions(options.databaseUrl, config.poolSize, replicas), migrationsRun: options.migrate ?? true };
          },
          dataSourceFactory: async (dataSourceOptions) => new ReplicatedDataSource(dataSourceOptions!).initialize(),
        }),
        ReplicationModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource, ModuleRef, ReplicasService],
          useFactory: (dataSource: DataSource, moduleRef: ModuleRef, replicas: ReplicasService) => ({
            autoSchemaFile: options.schemaFile ?? true,
            sortSchema: true,
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            path: '/graphql',
            // Apollo's landing page loads its explorer from a CDN: the offline one is at /explorer.
            playground: false,
            // Anonymous callers only in development; a key opens it (introspectionPlugin).
            introspection: true,
            includeStacktraceInErrorResponses: config.development,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            // Nest's plugin would reset every answer with `data` to 200, the 503 of responseStatusPlugin
            // included; our errors carry no `extensions.http`, so execution errors stay 200 without it.
            preserveHttpStatusForExecutionErrors: false,
            // Automatic persisted queries would add a cache to fill; clients send the document.
            persistedQueries: false,
            validationRules,
            // The input guard first: its refusal is the one a client sees when both would refuse.
            // No cache-control hints are given, and the plugin wrapped every field's resolver to look for them.
            plugins: [introspectionPlugin(config.development), inputGuardPlugin, costLimitPlugin, responseStatusPlugin, unexpectedErrorPlugin, readRoutingPlugin(replicas), ApolloServerPluginCacheControlDisabled()],
            context: ({ req }: { req: Request }): GraphQLContext => ({ req, loaders: new RequestLoaders(dataSource) }),
            formatError: createErrorFormatter(config.development),
            transformSchema: (schema: GraphQLSchema) => wireDirectFields(schema, moduleRef),
          }),
        }),
        AuditModule,
        AuthModule,
        GovernmentsModule,
        ApiKeysModule,
        HealthModule,
        OrganizationsModule,
        PositionsModule,
        OfficialsModule,
        RotationsModule,
        CorrectionsModule,
        AppointmentsModule,
        ExportsModule,
        FeedsModule,
        ImportsModule,
        WebModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
      ],
    };
  }
}
