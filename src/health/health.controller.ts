import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { HealthService, type Health } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 while reads are answered (the primary with every migration applied, or a replica); 503 otherwise. */
  @Get()
  async check(): Promise<Health> {
    const health = await this.health.check();
    if (health.status === 'error') throw new ServiceUnavailableException(health);
    return health;
  }
}
