import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Issue } from '../../issues/issue.entity';
import { CLOSED_STATES } from '../domain/case-status';
import { DuplicateMatch, likelyDuplicate, ReportFacts, searchBox } from '../domain/duplicate-rule';
import { INTAKE_CONFIG, IntakeConfig } from '../intake-config';

export interface PossibleDuplicate extends DuplicateMatch {
  readonly issueId: string;
  readonly category: string;
  readonly state: string;
  readonly reportedAt: string;
}

/** At most this many candidates are offered, nearest (then newest) first. */
const MAX_OFFERED = 5;
/** Newest rows read before the exact rule: a window of one category at one spot is small; this bounds the cost of a flood (hundreds of reports of one burst main). */
const MAX_CANDIDATES = 50;

const factsOf = (
  issue: Pick<Issue, 'category' | 'reportedAt' | 'addressKey' | 'locationLon' | 'locationLat'>,
): ReportFacts => ({
  category: issue.category,
  reportedAt: issue.reportedAt,
  addressKey: issue.addressKey,
  point:
    issue.locationLon !== null && issue.locationLat !== null
      ? { lon: issue.locationLon, lat: issue.locationLat }
      : null,
});

/**
 * Earlier, still open reports that are likely the same problem as a new one (domain/duplicate-rule.ts): offered
 * to the reporter and the dispatch centre, which decides. One indexed query of the district's reports of the
 * category in the window, at the same address or inside a box around the point, then the exact rule.
 */
@Injectable()
export class PossibleDuplicates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async of(issue: Issue): Promise<PossibleDuplicate[]> {
    const report = factsOf(issue);
    if (report.addressKey === null && report.point === null) return [];
    const policy = this.config.duplicates;
    const query = this.dataSource.manager
      .createQueryBuilder(Issue, 'i')
      .where('i.tenantId = :tenantId AND i.category = :category AND i.id <> :id', {
        tenantId: issue.tenantId,
        category: issue.category,
        id: issue.id,
      })
      .andWhere('i.reportedAt BETWEEN :from AND :to', {
        from: new Date(issue.reportedAt.getTime() - policy.windowHours * 3_600_000),
        to: issue.reportedAt,
      })
      .andWhere('i.state NOT IN (:...closed)', { closed: CLOSED_STATES });
    const near: string[] = [];
    if (report.addressKey !== null) near.push('i.addressKey = :addressKey');
    if (report.point !== null)
      near.push('(i.locationLon BETWEEN :minLon AND :maxLon AND i.locationLat BETWEEN :minLat AND :maxLat)');
    query.andWhere(`(${near.join(' OR ')})`, {
      addressKey: report.addressKey,
      ...(report.point ? searchBox(report.point, policy.radiusMetres) : {}),
    });
    // Only the columns the rule and the answer need: a flood of reports at one spot reads up to 200 rows per report.
    const candidates = await query
      .select(['i.id', 'i.category', 'i.state', 'i.reportedAt', 'i.addressKey', 'i.locationLon', 'i.locationLat'])
      .orderBy('i.reportedAt', 'DESC')
      .limit(MAX_CANDIDATES)
      .getMany();

    return candidates
      .flatMap((earlier) => {
        const match = likelyDuplicate(report, factsOf(earlier), policy);
        return match
          ? [
              {
                issueId: earlier.id,
                category: earlier.category,
                state: earlier.state,
                reportedAt: earlier.reportedAt.toISOString(),
                ...match,
              },
            ]
          : [];
      })
      .sort((a, b) => (a.distanceMetres ?? 0) - (b.distanceMetres ?? 0) || b.reportedAt.localeCompare(a.reportedAt))
      .slice(0, MAX_OFFERED)
      .map((d) => ({ ...d, distanceMetres: d.distanceMetres === null ? null : Math.round(d.distanceMetres) }));
  }
}
