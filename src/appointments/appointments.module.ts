import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AppointmentsResolver } from './appointments.resolver.js';
import { AppointmentsService } from './appointments.service.js';
import { PositionHolderResolver, PostChangeResolver, PostSnapshotResolver } from './post-views.resolver.js';
import { ProjectionService } from './projection.service.js';

@Module({
  imports: [OrganizationsModule],
  providers: [ProjectionService, AppointmentsService, AppointmentsResolver, PostSnapshotResolver, PostChangeResolver, PositionHolderResolver],
  exports: [ProjectionService],
})
export class AppointmentsModule {}
