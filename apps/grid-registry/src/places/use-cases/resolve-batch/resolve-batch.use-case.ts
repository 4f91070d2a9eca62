import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@gridline/platform';
import { toResolutionView } from '../resolve-location/resolution-view';
import { PlaceErrors } from '../../place-errors';
import { queryProblem, ResolveLocationUseCase } from '../resolve-location/resolve-location.use-case';
import { ResolveBatchCommand } from './resolve-batch.command';
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

  async execute(tenantId: string, { locations }: ResolveBatchCommand): Promise<ResolveBatchView> {
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
      if (resolution) {
        results.push({ resolution: toResolutionView(resolution), miss: null });
        continue;
      }
      // A miss is an answer here, not an error: the code and message of the single query's 404.
      const { code, message } = PlaceErrors.LOCATION_NOT_IN_DISTRICT(tenantId, query);
      results.push({ resolution: null, miss: { code, message } });
    }
    const missed = results.filter((r) => r.miss !== null).length;
    // All misses may mean a district that does not exist: say so as the single query does.
    if (missed === results.length) await this.single.assertDistrictExists(tenantId);
    return { resolved: results.length - missed, missed, results };
  }
}
