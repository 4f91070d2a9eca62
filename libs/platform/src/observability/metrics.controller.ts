import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/permit.decorator';
import { gridlineMetrics } from './gridline-metrics';

/**
 * Prometheus scrapes this unauthenticated, as it does every target; it shows counts and timings, never a
 * tenant's data. Kept out of the OpenAPI document: it is for the platform, not for API clients.
 */
@Public()
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly logger = new Logger('Metrics');

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const { text, failed } = await gridlineMetrics.render();
    for (const problem of failed) this.logger.warn(`metric left at its last value: ${problem}`);
    response.setHeader('Cache-Control', 'no-store');
    response.type(gridlineMetrics.contentType).send(text);
  }
}
