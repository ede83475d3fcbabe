import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Position } from './position.entity.js';
import { PositionsResolver } from './positions.resolver.js';
import { PositionsService } from './positions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Position]), OrganizationsModule],
  providers: [PositionsService, PositionsResolver],
  exports: [PositionsService],
})
export class PositionsModule {}
