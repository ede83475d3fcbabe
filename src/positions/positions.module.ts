import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { Position } from './position.entity.js';
import { PositionsResolver } from './positions.resolver.js';
import { PositionsService } from './positions.service.js';
import { PostReadPlans } from './post-read-plans.js';

@Module({
  imports: [TypeOrmModule.forFeature([Position]), OrganizationsModule],
  providers: [PositionsService, PositionsResolver, PostReadPlans],
  exports: [PositionsService, PostReadPlans],
})
export class PositionsModule {}
