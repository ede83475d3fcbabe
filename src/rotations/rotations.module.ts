import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CorrectionsModule } from '../corrections/corrections.module.js';
import { HistoryModule } from '../history/history.module.js';
import { RotationEvent } from './rotation-event.entity.js';
import { RecordingRepository } from './recording/recording.repository.js';
import { LampiranResolver } from './recording/resolve-lampiran.js';
import { RotationRecorderService } from './rotation-recorder.service.js';
import { CorrectionEventResolver } from './correction-event.resolver.js';
import { RotationsResolver } from './rotations.resolver.js';
import { RotationsService } from './rotations.service.js';
import { MoversResolver, OrganizationCountResolver, TransfersResolver } from './transfers.resolver.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([RotationEvent]), HistoryModule, OrganizationsModule, CorrectionsModule],
  providers: [RecordingRepository, LampiranResolver, RotationRecorderService, RotationsService, RotationsResolver, TransfersResolver, MoversResolver, OrganizationCountResolver, CorrectionEventResolver],
  exports: [RotationRecorderService],
})
export class RotationsModule {}
