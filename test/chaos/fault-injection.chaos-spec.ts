import { describeChaos, prepareChaosDistrict, runChaos, ScheduledFault } from '../support/chaos/chaos-run';
import { killBroker, killReplica, restartPostgres } from '../support/chaos/faults';
import { TestKafkaCluster } from '../support/kafka-cluster';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { AppName, restartCpuBoundMs, ServiceProcess } from '../support/service-process';

/**
 * `npm run chaos`: the long fault-injection run. A 3-broker cluster, two replicas of every service, residents
 * reporting and signing up at a steady rate for CHAOS_MINUTES (default 4) while, at seeded random moments, each
 * service loses a replica twice (SIGKILL, restarted at once), a broker is SIGKILLed twice (back after 15 s) and
 * PostgreSQL restarts once. Prints the figures; fails on any lost, doubled or unfired thing and on a missed target.
 * CHAOS_SEED repeats a schedule; CHAOS_RATE sets reports per second (default 3: what a 2-core machine carries with
 * eight service processes and three brokers before any fault, ADR 0031).
 */
const minutes = Number(process.env.CHAOS_MINUTES ?? 4);
const seed = Number(process.env.CHAOS_SEED ?? 20_261_203);
const rate = Number(process.env.CHAOS_RATE ?? 3);
const apps: AppName[] = ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics'];

/** A small deterministic generator (mulberry32), so a schedule can be repeated exactly. */
function random(seedValue: number): () => number {
  let a = seedValue >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('chaos: brokers, replicas and the database dying under a steady load', () => {
  const cluster = new TestKafkaCluster(19480);
  let platform: PlatformUnderTest;
  const replicas = {} as Record<AppName, ServiceProcess[]>;

  beforeAll(async () => {
    await cluster.start();
    platform = await startPlatform('chaos', apps);
    for (const app of apps) replicas[app] = [platform.services[app], await platform.startReplica(app)];
  }, 600_000);

  afterAll(async () => {
    await platform?.shutdown();
    await cluster.stop();
  });

  it(
    'loses nothing, doubles nothing, and meets the recovery targets',
    async () => {
      const durationMs = minutes * 60_000;
      const next = random(seed);
      // Faults in the middle 80 % of the run, at least 20 s apart so each one's recovery can be told apart.
      const slots = apps.length * 2 + 2 + 1;
      const moments = Array.from(
        { length: slots },
        (_, i) =>
          durationMs * 0.1 +
          (i * durationMs * 0.8) / slots +
          next() * Math.min(10_000, (durationMs * 0.8) / slots - 20_000),
      );
      const order: Array<() => ScheduledFault['inject']> = [
        ...apps.flatMap((app) =>
          [0, 1].map(
            (round) => () => () => killReplica(replicas[app][Math.floor(next() * 2)], `${app} (${round + 1})`),
          ),
        ),
        ...[0, 1].map(() => () => {
          const id = cluster.brokerIds[Math.floor(next() * 3)];
          return () =>
            killBroker(
              { kill: () => cluster.killBroker(id).then(() => undefined), start: () => cluster.startBroker(id) },
              `broker ${id}`,
              15_000,
            );
        }),
        () => () => restartPostgres(),
      ];
      const shuffled = order
        .map((make) => ({ make, key: next() }))
        .sort((a, b) => a.key - b.key)
        .map((entry) => entry.make);
      const faults = shuffled.map((make, i) => ({ atMs: moments[i], inject: make() }));

      const plan = {
        reportsPerSecond: rate,
        signUpsPerSecond: 2,
        durationMs,
        ackWindowSeconds: 5,
        places: 100,
        replicas: { dispatch: () => replicas['issue-dispatch'], volunteers: () => replicas['volunteer-coordination'] },
        faults,
      };
      const { occurrenceId } = await prepareChaosDistrict(platform, plan);
      const report = await runChaos(platform, plan, occurrenceId);
      process.stdout.write(`chaos (seed ${seed}, ${minutes} min, ${rate} reports/s):\n${describeChaos(report)}\n`);

      expect(report.findings.problems).toEqual([]);
      expect(report.clients.reportsAccepted).toBe(report.clients.reportsSent);
      expect(report.findings.figures.signUps.confirmed).toBeLessThanOrEqual(plan.places);
      // The targets on this box. A restarted replica's own start-up work stays under `restartCpuBoundMs`; the
      // wall-clock time it answered after is printed above (on 2 cores most of it is waiting for a core; ADR 0031).
      for (const fault of report.faults.filter((f) => f.kind === 'replica'))
        expect({ fault: fault.target, cpuWithinBound: fault.cpuToAnswerMs! < restartCpuBoundMs }).toEqual({
          fault: fault.target,
          cpuWithinBound: true,
        });
      expect(report.findings.figures.latenessMs.duringFaults.p99).toBeLessThan(2_000);
    },
    (minutes * 60 + 900) * 1000,
  );
});
