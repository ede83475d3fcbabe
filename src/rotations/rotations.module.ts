import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { RotationEvent } from './rotation-event.entity.js';
import { RotationRecorderService } from './rotation-recorder.service.js';
import { RotationsResolver } from './rotations.resolver.js';
import { RotationsService } from './rotations.service.js';
import { TransfersResolver } from './transfers.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature([RotationEvent]), AppointmentsModule],
  providers: [RotationRecorderService, RotationsService, RotationsResolver, TransfersResolver],
})
export class RotationsModule {}
