import { Module } from '@nestjs/common';
import { CorrectionsModule } from '../corrections/corrections.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { PositionsModule } from '../positions/positions.module.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsService } from './feeds.service.js';

@Module({
  imports: [CorrectionsModule, OrganizationsModule, PositionsModule],
  controllers: [FeedsController],
  providers: [FeedsService],
})
export class FeedsModule {}
