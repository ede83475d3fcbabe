import { Global, Module } from '@nestjs/common';
import { GovernmentsService } from './governments.service.js';

/** Global: every module that writes rows checks the caller's scope here. */
@Global()
@Module({ providers: [GovernmentsService], exports: [GovernmentsService] })
export class GovernmentsModule {}
