import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { WriteInterceptor } from './read-routing.js';
import { ReplicasService } from './replicas.service.js';

/** Streaming replicas: their state, and which requests read from them. */
@Global()
@Module({ providers: [ReplicasService, { provide: APP_INTERCEPTOR, useClass: WriteInterceptor }], exports: [ReplicasService] })
export class ReplicationModule {}
