import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';
import { RolesGuard } from './roles.guard.js';

@Module({
  providers: [ApiKeysService, ApiKeysResolver, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [ApiKeysService],
})
export class AuthModule {}
