import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Official } from './official.entity.js';
import { OfficialsResolver } from './officials.resolver.js';
import { OfficialsService } from './officials.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Official]), OrganizationsModule],
  providers: [OfficialsService, OfficialsResolver],
  exports: [OfficialsService],
})
export class OfficialsModule {}
