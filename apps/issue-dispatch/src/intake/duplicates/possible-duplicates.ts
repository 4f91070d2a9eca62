import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GroupCommit, GroupOutcome } from '@gridline/platform';
import { Issue } from '../../issues/issue.entity';
import { CLOSED_STATES } from '../domain/case-status';
import { DuplicateMatch, DuplicatePolicy, likelyDuplicate, ReportFacts, searchBox } from '../domain/duplicate-rule';
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
/**
 * Rows one report needs read. Without a point every earlier report at its address is a match at no distance, so
 * the rule offers the newest few, and those are all it needs: a flood at one address reads 5 rows a report, not 50.
 */
const candidatesWanted = (report: ReportFacts): number => (report.point ? MAX_CANDIDATES : MAX_OFFERED);
const CANDIDATE_COLUMNS = 'i.id, i.category, i.state, i.reported_at, i.address_key, i.location_lon, i.location_lat';

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

interface CandidateRow {
  readonly ord: string;
  readonly id: string;
  readonly category: string;
  readonly state: string;
  readonly reported_at: Date;
  readonly address_key: string | null;
  readonly location_lon: number | null;
  readonly location_lat: number | null;
}

/**
 * Earlier, still open reports that are likely the same problem as a new one (domain/duplicate-rule.ts): offered
 * to the reporter and the dispatch centre, which decides. An indexed read of the district's reports of the
 * category in the window, at the same address or inside a box around the point, then the exact rule.
 *
 * Every new report asks once its case has committed. The asks of one district that arrive while its previous
 * read is running wait and go together in the next read, one statement for all of them (the batching of group
 * commit, ADR 0036; a lone ask goes at once): under load this is one round trip per group of reports instead of
 * one per report (ADR 0043).
 */
@Injectable()
export class PossibleDuplicates {
  private readonly lookups = new GroupCommit<Issue, PossibleDuplicate[]>((tenantId, issues) =>
    this.forGroup(tenantId, issues),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  of(issue: Issue): Promise<PossibleDuplicate[]> {
    const report = factsOf(issue);
    if (report.addressKey === null && report.point === null) return Promise.resolve([]);
    return this.lookups.submit(issue.tenantId, issue);
  }

  private async forGroup(
    tenantId: string,
    issues: readonly Issue[],
  ): Promise<Array<GroupOutcome<PossibleDuplicate[]>>> {
    const policy = this.config.duplicates;
    const reports = issues.map(factsOf);
    const boxes = reports.map((report) => (report.point ? searchBox(report.point, policy.radiusMetres) : null));
    // Only the columns the rule and the answer need: a flood of reports at one spot reads up to 50 rows per report.
    // One branch per way of being near (same address, inside the box), each shaped so that PostgreSQL reads it from
    // its own index whatever its statistics say: with one OR over both, a table without fresh statistics was read
    // by walking the district's whole window newest first (3.6 ms per report under load, ADR 0044).
    const rows: CandidateRow[] = await this.dataSource.query(
      `SELECT c.ord, i.id, i.category, i.state, i.reported_at, i.address_key, i.location_lon, i.location_lat
         FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[],
                     $7::float8[], $8::float8[], $9::float8[], $10::float8[], $12::int[])
              WITH ORDINALITY
              AS c(id, category, from_at, to_at, address_key, min_lon, max_lon, min_lat, max_lat, wanted, ord)
        CROSS JOIN LATERAL (
          SELECT near.* FROM (
            (SELECT ${CANDIDATE_COLUMNS} FROM issues i
              WHERE c.address_key IS NOT NULL
                AND i.tenant_id = $1 AND i.category = c.category AND i.address_key = c.address_key
                AND i.reported_at BETWEEN c.from_at AND c.to_at AND i.id <> c.id AND i.state <> ALL($11::text[])
              ORDER BY i.reported_at DESC
              LIMIT c.wanted)
            UNION
            -- OFFSET 0 plans the box on its own, so the ORDER BY outside cannot lure it onto the date index.
            (SELECT * FROM (
               SELECT ${CANDIDATE_COLUMNS} FROM issues i
                WHERE c.min_lon IS NOT NULL
                  AND i.tenant_id = $1 AND i.category = c.category
                  AND i.location_lon BETWEEN c.min_lon AND c.max_lon AND i.location_lat BETWEEN c.min_lat AND c.max_lat
                  AND i.reported_at BETWEEN c.from_at AND c.to_at AND i.id <> c.id AND i.state <> ALL($11::text[])
               OFFSET 0) in_box
              ORDER BY in_box.reported_at DESC
              LIMIT ${MAX_CANDIDATES})
          ) near
          ORDER BY near.reported_at DESC
          LIMIT c.wanted) i`,
      [
        tenantId,
        issues.map((issue) => issue.id),
        issues.map((issue) => issue.category),
        issues.map((issue) => new Date(issue.reportedAt.getTime() - policy.windowHours * 3_600_000)),
        issues.map((issue) => issue.reportedAt),
        reports.map((report) => report.addressKey),
        boxes.map((box) => box?.minLon ?? null),
        boxes.map((box) => box?.maxLon ?? null),
        boxes.map((box) => box?.minLat ?? null),
        boxes.map((box) => box?.maxLat ?? null),
        CLOSED_STATES,
        reports.map(candidatesWanted),
      ],
    );
    // Up to 50 rows per report: each row goes into its report's list once, not by copying the list.
    const candidatesOf: CandidateRow[][] = reports.map(() => []);
    for (const row of rows) candidatesOf[Number(row.ord) - 1].push(row);
    return reports.map((report, index) => ({ ok: offered(report, candidatesOf[index], policy) }));
  }
}

/** The exact rule over one report's candidates: at most MAX_OFFERED, nearest (then newest) first. */
function offered(
  report: ReportFacts,
  candidates: readonly CandidateRow[],
  policy: DuplicatePolicy,
): PossibleDuplicate[] {
  return candidates
    .flatMap((earlier) => {
      const match = likelyDuplicate(
        report,
        factsOf({
          category: earlier.category,
          reportedAt: earlier.reported_at,
          addressKey: earlier.address_key,
          locationLon: earlier.location_lon,
          locationLat: earlier.location_lat,
        }),
        policy,
      );
      return match
        ? [
            {
              issueId: earlier.id,
              category: earlier.category,
              state: earlier.state,
              reportedAt: earlier.reported_at.toISOString(),
              ...match,
            },
          ]
        : [];
    })
    .sort((a, b) => (a.distanceMetres ?? 0) - (b.distanceMetres ?? 0) || b.reportedAt.localeCompare(a.reportedAt))
    .slice(0, MAX_OFFERED)
    .map((d) => ({ ...d, distanceMetres: d.distanceMetres === null ? null : Math.round(d.distanceMetres) }));
}
