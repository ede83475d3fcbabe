import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CorrectionsResolver } from './corrections.resolver.js';
import { CorrectionsService } from './corrections.service.js';
import { EventRevisionsRepository } from './event-revisions.repository.js';

/** The kept states of events (written by rotations/ as it records) and the corrections read from them. */
@Module({
  imports: [OrganizationsModule],
  providers: [EventRevisionsRepository, CorrectionsService, CorrectionsResolver],
  exports: [EventRevisionsRepository, CorrectionsService],
})
export class CorrectionsModule {}
