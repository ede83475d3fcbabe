import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RotationEvent } from './rotation-event.entity.js';
import { eventNotFound } from './rotations.errors.js';

/** Reading rotation events. (Writing is RotationRecorderService's alone.) */
@Injectable()
export class RotationsService {
  constructor(@InjectRepository(RotationEvent) private readonly events: Repository<RotationEvent>) {}

  async findOne(id: string): Promise<RotationEvent> {
    const event = await this.events.findOneBy({ id });
    if (!event) throw eventNotFound();
    return event;
  }
}
