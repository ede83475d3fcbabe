import { Module } from '@nestjs/common';
import { ProjectionRepository } from './projection.repository.js';
import { ProjectionService } from './projection.service.js';

/**
 * The history: the vocabulary of a move, the fold of an official's transfers into
 * appointments, and the projection that writes them. Recording (rotations) drives it;
 * nothing here knows of events, decrees or the API.
 */
@Module({
  providers: [ProjectionRepository, ProjectionService],
  exports: [ProjectionService],
})
export class HistoryModule {}
