import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Official } from './official.entity.js';
import { OfficialsResolver } from './officials.resolver.js';
import { OfficialsService } from './officials.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Official])],
  providers: [OfficialsService, OfficialsResolver],
  exports: [OfficialsService],
})
export class OfficialsModule {}
