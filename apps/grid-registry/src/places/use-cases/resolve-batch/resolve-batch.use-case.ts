import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@gridline/platform';
import { toResolutionView } from '../resolve-location/resolution-view';
import { notInDistrict, queryProblem, ResolveLocationUseCase } from '../resolve-location/resolve-location.use-case';
import { ResolveBatchDto } from './resolve-batch.dto';
import { BatchResolutionView, ResolveBatchView } from './resolve-batch.view';

/**
 * Resolves many locations in one request — a worker geocoding a street's households, an import checking its
 * rows, analytics re-attributing old reports — with exactly the single query's rules and answers. A malformed
 * item refuses the whole batch (400 naming `locations[i]…`); a location in no grid is an answer (a miss), not an
 * error, so one bad address does not hide the other 999 answers.
 */
@Injectable()
export class ResolveBatchUseCase {
  constructor(private readonly single: ResolveLocationUseCase) {}

  async execute(tenantId: string, { locations }: ResolveBatchDto): Promise<ResolveBatchView> {
    const problems = locations
      .map((query, index) => queryProblem(query, `locations[${index}].`))
      .filter((p) => p !== null);
    if (problems.length > 0)
      throw new ValidationFailedError(
        problems.map((p) => (p.field.endsWith('.') ? { ...p, field: p.field.slice(0, -1) } : p)),
      );

    const results: BatchResolutionView[] = [];
    for (const query of locations) {
      const resolution = await this.single.resolveOne(tenantId, query);
      results.push(
        resolution
          ? { resolution: toResolutionView(resolution), miss: null }
          : { resolution: null, miss: { code: 'LOCATION_NOT_IN_DISTRICT', message: notInDistrict(tenantId, query) } },
      );
    }
    const missed = results.filter((r) => r.miss !== null).length;
    // All misses may mean a district that does not exist: say so as the single query does.
    if (missed === results.length) await this.single.assertDistrictExists(tenantId);
    return { resolved: results.length - missed, missed, results };
  }
}
