import { Module } from '@nestjs/common';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';

/** Creating, listing and revoking keys (ADMIN); apart from auth/ so that auth/ need not import the audit log. */
@Module({ providers: [ApiKeysService, ApiKeysResolver], exports: [ApiKeysService] })
export class ApiKeysModule {}
