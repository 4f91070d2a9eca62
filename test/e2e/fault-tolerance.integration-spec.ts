import { describeChaos, prepareChaosDistrict, runChaos } from '../support/chaos/chaos-run';
import { killReplica } from '../support/chaos/faults';
import { PlatformUnderTest, startPlatform } from '../support/platform-under-test';
import { ServiceProcess } from '../support/service-process';

/**
 * The short fault-injection run inside `npm test` (the long one is `npm run chaos`): residents report and sign up
 * at a steady rate against two issue-dispatch replicas while one replica is SIGKILLed and restarted. Checked from the
 * databases afterwards: every accepted report stored and counted once, every passed deadline fired once, no sign-up
 * over capacity, nothing stuck in an outbox.
 */
describe('surviving faults under load (short run)', () => {
  let platform: PlatformUnderTest;
  let second: ServiceProcess;

  beforeAll(async () => {
    platform = await startPlatform('faults', ['grid-registry', 'issue-dispatch', 'volunteer-coordination', 'analytics']);
    second = await platform.startReplica('issue-dispatch');
  }, 240_000);

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('loses nothing, doubles nothing and keeps escalating on time while a dispatch replica is killed', async () => {
    const plan = {
      reportsPerSecond: 6,
      signUpsPerSecond: 2,
      durationMs: 45_000,
      ackWindowSeconds: 4,
      places: 40,
      replicas: { dispatch: () => [platform.services['issue-dispatch'], second], volunteers: () => [platform.services['volunteer-coordination']] },
      faults: [{ atMs: 15_000, inject: () => killReplica(platform.services['issue-dispatch'], 'issue-dispatch replica 1') }],
    };
    const { occurrenceId } = await prepareChaosDistrict(platform, plan);
    const report = await runChaos(platform, plan, occurrenceId);
    process.stdout.write(`fault tolerance (short run):\n${describeChaos(report)}\n`);

    expect(report.findings.problems).toEqual([]);
    expect(report.clients.reportsRefused).toBe(0);
    expect(report.findings.figures.escalations).toBeGreaterThan(report.clients.reportsAccepted * 3);
    expect(report.findings.figures.signUps.confirmed).toBe(plan.places);
    expect(report.findings.figures.latenessMs.otherwise.p99).toBeLessThan(1_000);
    expect(report.findings.figures.latenessMs.duringFaults.p99).toBeLessThan(2_000);
  }, 420_000);
});
