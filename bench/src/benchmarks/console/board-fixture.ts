import type { Client } from 'pg';

/**
 * Open cases written straight into analytics' `issue_facts` — a benchmark fixture, like the city loader: no events,
 * so only the board sees them. Spread over the six levels about as a busy district's board is (most at the bottom),
 * with deadlines from half an hour past to two hours ahead (so about a fifth are overdue), ages up to three hours.
 */
export async function writeOpenCases(
  client: Client,
  tenantId: string,
  count: number,
  grids: { micro: string; grid: string; community: string; street: string },
): Promise<void> {
  await client.query(
    `INSERT INTO analytics.issue_facts (tenant_id, issue_id, category, channel, origin_grid_id, origin_level, current_level, current_grid_id, holder_since,
                                        escalation_depth, critical, state, parked, ack_deadline, current_deadline, rework_count, extension_count, reported_at, dispatched_at, last_event_at)
     SELECT $1, gen_random_uuid()::text, 'street-lighting', 'resident', $2, 'micro', level, CASE level WHEN 'micro' THEN $2 WHEN 'grid' THEN $3 WHEN 'community' THEN $4 WHEN 'street' THEN $5 END,
            now() - (random() * interval '20 minutes'), depth, level = 'city', 'dispatched', false, deadline, deadline, 0, 0, reported, reported, now()
       FROM (SELECT CASE WHEN r < 0.40 THEN 'micro' WHEN r < 0.65 THEN 'grid' WHEN r < 0.80 THEN 'community' WHEN r < 0.90 THEN 'street' WHEN r < 0.97 THEN 'district' ELSE 'city' END AS level,
                    CASE WHEN r < 0.40 THEN 0 WHEN r < 0.65 THEN 1 WHEN r < 0.80 THEN 2 WHEN r < 0.90 THEN 3 WHEN r < 0.97 THEN 4 ELSE 5 END AS depth,
                    now() + (random() * interval '150 minutes') - interval '30 minutes' AS deadline,
                    now() - (random() * interval '3 hours') AS reported
               FROM (SELECT random() AS r FROM generate_series(1, $6)) draws) cases`,
    [tenantId, grids.micro, grids.grid, grids.community, grids.street, count],
  );
}
