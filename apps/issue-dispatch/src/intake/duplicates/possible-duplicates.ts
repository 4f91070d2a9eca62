import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
 * The read of one group of reports' possible duplicates, started beside the write of their cases (see
 * PossibleDuplicates.beside). `offers` completes it once the write's outcome is known.
 */
export class DuplicateLookup {
  constructor(
    private readonly issues: readonly Issue[],
    private readonly read: Promise<CandidateRow[][]>,
    private readonly policy: DuplicatePolicy,
  ) {
    // Awaited by `offers`; a write that fails first never asks, and its read must not fail the process unheard.
    read.catch(() => undefined);
  }

  /**
   * Each issue's offer, in the lookup's order: the cases committed before its group, and the earlier of its group's
   * own that `committed` names (a group whose statement failed is recorded report by report; one that failed then
   * is offered to nobody).
   */
  async offers(committed: readonly Issue[]): Promise<PossibleDuplicate[][]> {
    const before = await this.read;
    return this.issues.map((issue, index) => {
      const report = factsOf(issue);
      // The rule's own test (earlier, same category, same place or near), so that no other mate takes a place below.
      const earlierMates = committed
        .filter((mate) => mate.id !== issue.id && likelyDuplicate(report, factsOf(mate), this.policy) !== null)
        .map(candidateOf);
      // Newest first, then the same bound the read applied to the rows before the group.
      const candidates = [...earlierMates, ...before[index]]
        .sort((a, b) => b.reported_at.getTime() - a.reported_at.getTime())
        .slice(0, candidatesWanted(report));
      return offered(report, candidates, this.policy);
    });
  }
}

/**
 * Earlier, still open reports that are likely the same problem as a new one (domain/duplicate-rule.ts): offered
 * to the reporter and the dispatch centre, which decides. An indexed read of the district's reports of the
 * category in the window, at the same address or inside a box around the point, then the exact rule.
 *
 * A new report's read runs beside the write of its case, on another connection, for its whole group at once (ADR
 * 0049): the groups of a district commit one after another, so the read sees every case committed before the group,
 * and the group's own cases come from memory. The offer is what it would have been had the read waited for the
 * commit, one round trip sooner. Before, each report asked once its case had committed, in a batch of its own (ADR
 * 0043).
 */
@Injectable()
export class PossibleDuplicates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /** Starts the read for a group of one district's new reports; call it just before their write starts. */
  beside(tenantId: string, issues: readonly Issue[]): DuplicateLookup {
    return new DuplicateLookup(issues, this.candidates(tenantId, issues), this.config.duplicates);
  }

  /** The offer for a case already committed (an answer replayed for an Idempotency-Key). */
  async of(issue: Issue): Promise<PossibleDuplicate[]> {
    const [offer] = await this.beside(issue.tenantId, [issue]).offers([]);
    return offer;
  }

  /** Per issue, the newest rows the exact rule needs to see; none for a report with neither address nor point. */
  private async candidates(tenantId: string, issues: readonly Issue[]): Promise<CandidateRow[][]> {
    const reports = issues.map(factsOf);
    const asked = issues.filter((_, index) => reports[index].addressKey !== null || reports[index].point !== null);
    const rows = asked.length > 0 ? await this.read(tenantId, asked) : [];
    const candidatesOf = new Map<string, CandidateRow[]>(asked.map((issue) => [issue.id, []]));
    // Up to 50 rows per report: each row goes into its report's list once, not by copying the list.
    for (const row of rows) candidatesOf.get(asked[Number(row.ord) - 1].id)!.push(row);
    return issues.map((issue) => candidatesOf.get(issue.id) ?? []);
  }

  private read(tenantId: string, issues: readonly Issue[]): Promise<CandidateRow[]> {
    const policy = this.config.duplicates;
    const reports = issues.map(factsOf);
    const boxes = reports.map((report) => (report.point ? searchBox(report.point, policy.radiusMetres) : null));
    // Only the columns the rule and the answer need: a flood of reports at one spot reads up to 50 rows per report.
    // One branch per way of being near (same address, inside the box), each shaped so that PostgreSQL reads it from
    // its own index whatever its statistics say: with one OR over both, a table without fresh statistics was read
    // by walking the district's whole window newest first (3.6 ms per report under load, ADR 0044).
    return this.dataSource.query(
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
  }
}

/** A case of the same group as a candidate row, as the read would have returned it had the case been committed. */
function candidateOf(issue: Issue): CandidateRow {
  return {
    ord: '0',
    id: issue.id,
    category: issue.category,
    state: issue.state,
    reported_at: issue.reportedAt,
    address_key: issue.addressKey,
    location_lon: issue.locationLon,
    location_lat: issue.locationLat,
  };
}

function factsOfCandidate(candidate: CandidateRow): ReportFacts {
  return factsOf({
    category: candidate.category,
    reportedAt: candidate.reported_at,
    addressKey: candidate.address_key,
    locationLon: candidate.location_lon,
    locationLat: candidate.location_lat,
  });
}

/** The exact rule over one report's candidates: at most MAX_OFFERED, nearest (then newest) first. */
function offered(
  report: ReportFacts,
  candidates: readonly CandidateRow[],
  policy: DuplicatePolicy,
): PossibleDuplicate[] {
  return candidates
    .flatMap((earlier) => {
      const match = likelyDuplicate(report, factsOfCandidate(earlier), policy);
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
