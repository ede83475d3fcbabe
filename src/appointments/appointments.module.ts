import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { AppointmentsResolver, RetirementResolver } from './appointments.resolver.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { AppointmentsService } from './appointments.service.js';
import { OfficialHistoryResolver, PositionHistoryResolver } from './history-fields.resolver.js';
import { PostHolderRead } from './post-holder-read.js';
import { PositionHolderResolver, PostChangeResolver, PostSnapshotResolver } from './post-views.resolver.js';

@Module({
  imports: [OrganizationsModule, PositionsModule],
  providers: [AppointmentsRepository, AppointmentsService, AppointmentsResolver, RetirementResolver, PostSnapshotResolver, PostChangeResolver, PositionHolderResolver, OfficialHistoryResolver, PositionHistoryResolver, PostHolderRead],
})
export class AppointmentsModule {}
