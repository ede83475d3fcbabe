import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthService, type Health } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers and every migration is applied; 503 otherwise. */
  @Get()
  async check(): Promise<Health> {
    const health = await this.health.check();
    if (health.status !== 'ok') throw new ServiceUnavailableException(health);
    return health;
  }
}
