import { describeChaos, prepareChaosDistrict, runChaos } from '../support/chaos/chaos-run';
import { killBroker, killReplica } from '../support/chaos/faults';
import { TestKafkaCluster } from '../support/kafka-cluster';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { restartCpuBoundMs, ServiceProcess } from '../support/service-process';

/**
 * The short fault-injection run inside `npm test` (the long one is `npm run chaos`): on a 3-broker cluster,
 * residents report and sign up at a steady rate against two issue-dispatch replicas while one broker is SIGKILLed
 * (and comes back 10 s later) and then one dispatch replica is SIGKILLed and restarted. Checked from the databases
 * afterwards: every accepted report stored and counted once, every passed deadline fired once, no sign-up over
 * capacity, nothing stuck in an outbox.
 */
describe('surviving a broker and a replica dying under load (short run)', () => {
  // Brokers on 19461–19463: away from the test broker, the cluster spec (19441–) and `npm run cluster` (19401–).
  const cluster = new TestKafkaCluster(19460);
  let platform: PlatformUnderTest;
  let second: ServiceProcess;

  beforeAll(async () => {
    await cluster.start();
    platform = await startPlatform('faults', [
      'grid-registry',
      'issue-dispatch',
      'volunteer-coordination',
      'analytics',
    ]);
    second = await platform.startReplica('issue-dispatch');
  }, 300_000);

  afterAll(async () => {
    await platform?.shutdown();
    await cluster.stop();
  });

  it('loses nothing, doubles nothing and keeps answering while a broker and a dispatch replica die', async () => {
    const plan = {
      reportsPerSecond: 3,
      signUpsPerSecond: 1,
      durationMs: 60_000,
      ackWindowSeconds: 4,
      places: 40,
      replicas: {
        dispatch: () => [platform.services['issue-dispatch'], second],
        volunteers: () => [platform.services['volunteer-coordination']],
      },
      faults: [
        // One after the other: a broker's JVM start takes the CPU a restarted replica needs, and each is measured alone.
        {
          atMs: 5_000,
          inject: () =>
            killBroker(
              { kill: () => cluster.killBroker(2).then(() => undefined), start: () => cluster.startBroker(2) },
              'broker 2',
              10_000,
            ),
        },
        { atMs: 40_000, inject: () => killReplica(platform.services['issue-dispatch'], 'issue-dispatch replica 1') },
      ],
    };
    const { occurrenceId } = await prepareChaosDistrict(platform, plan);
    const report = await runChaos(platform, plan, occurrenceId);
    process.stdout.write(`fault tolerance (short run):\n${describeChaos(report)}\n`);

    expect(report.findings.problems).toEqual([]);
    // The surviving replica and the two live brokers kept taking reports: every client got its 201.
    expect(report.clients.reportsAccepted).toBe(report.clients.reportsSent);
    expect(report.findings.figures.escalations).toBeGreaterThan(report.clients.reportsAccepted * 3);
    expect(report.findings.figures.signUps.confirmed).toBe(plan.places);
    // The target is HTTP back within 3 s of the restart. What the service controls is the work it does before it
    // answers: its CPU, bound by `restartCpuBoundMs`. On a 2-core machine that also runs three brokers and five other services through the
    // survivor's catch-up, the wait for a core is most of the wall-clock time (printed above; ADR 0031), so the
    // wall-clock bound here is this machine's, not the target.
    const replicaFault = report.faults.find((f) => f.kind === 'replica');
    expect(replicaFault?.cpuToAnswerMs).toBeLessThan(restartCpuBoundMs);
    expect(replicaFault?.httpBackMs).toBeLessThan(30_000);
  }, 480_000);
});
