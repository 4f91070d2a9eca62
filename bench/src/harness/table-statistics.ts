import type { Client } from 'pg';

/**
 * Gives the scope's tables the statistics a running deployment has. PostgreSQL plans with them (how many rows a
 * district has, how selective a category or an address is); a deployment's autovacuum gathers them as tables grow.
 * Where autovacuum is off (this repository's CI machine runs PostgreSQL so), a database made for one run never has
 * any, every table looks nearly empty to the planner, and the figures would measure plans no deployment runs.
 * Returns the line to print: what was done and what autovacuum is set to here.
 */
export async function gatherTableStatistics(client: Client, enabled: boolean): Promise<string> {
  const { rows } = await client.query<{ autovacuum: string }>('SHOW autovacuum');
  const autovacuum = rows[0].autovacuum;
  if (!enabled) return `tables left without statistics (BENCH_ANALYZE=0; autovacuum here: ${autovacuum})`;
  const started = Date.now();
  await client.query('ANALYZE');
  return `tables analysed after the set-up in ${Date.now() - started} ms, as autovacuum would have (autovacuum here: ${autovacuum}; BENCH_ANALYZE=0 skips)`;
}
