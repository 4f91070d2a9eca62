import { randomBytes } from 'node:crypto';
import { KafkaProvisioner, withAdmin } from '@gridline/kafka-access';
import { freePort } from '@gridline/testing';
import { adminConnection } from './kafka-credentials';
import { AppName, ServiceProcess } from './service-process';
import { createTestDatabase, TestDatabase } from './test-database';

export interface PlatformUnderTest {
  readonly label: string;
  readonly topicPrefix: string;
  readonly database: TestDatabase;
  readonly services: Record<AppName, ServiceProcess>;
  /** Starts one more process of `app` on the same database, topic prefix and consumer groups (a replica). */
  startReplica(app: AppName): Promise<ServiceProcess>;
  /** The physical name of a logical topic in this run. */
  topic(logical: string): string;
  shutdown(): Promise<void>;
}

/**
 * Starts the named services as separate processes on the real broker, database and cache, isolated from
 * every other run by a fresh database and a unique topic prefix. The prefix is provisioned first, as production
 * is: topics from the catalogue and each service principal's ACLs; shutdown removes both. Fast polling keeps
 * second-scale windows observable without slowing the suite.
 */
export async function startPlatform(
  label: string,
  apps: AppName[],
  extraEnv: Record<string, string> = {},
): Promise<PlatformUnderTest> {
  const database = await createTestDatabase(label);
  const topicPrefix = `t-${label}-${randomBytes(3).toString('hex')}.`;
  const partitions = Number(extraEnv.KAFKA_TOPIC_PARTITIONS ?? process.env.KAFKA_TOPIC_PARTITIONS ?? 3);
  await withAdmin(adminConnection(), (admin) =>
    new KafkaProvisioner(admin).provisionDeployment(topicPrefix, partitions),
  );
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    OUTBOX_POLL_MS: '50',
    TIMER_POLL_MS: '100',
    CONSUMER_RETRY_BASE_MS: '50',
    CONSUMER_MAX_ATTEMPTS: '3',
    ...extraEnv,
  };
  const services = {} as Record<AppName, ServiceProcess>;
  for (const app of apps)
    services[app] = new ServiceProcess(app, await freePort(), env, `${label}-${topicPrefix.slice(0, -1)}`);
  try {
    await Promise.all(apps.map((app) => services[app].start()));
  } catch (error) {
    await Promise.all(apps.map((app) => services[app].crash()));
    await database.drop();
    await unprovision(topicPrefix);
    throw error;
  }
  const replicas: ServiceProcess[] = [];
  return {
    label,
    topicPrefix,
    database,
    services,
    startReplica: async (app) => {
      const replica = new ServiceProcess(
        app,
        await freePort(),
        env,
        `${label}-${topicPrefix.slice(0, -1)}-replica${replicas.length + 2}`,
      );
      replicas.push(replica);
      await replica.start();
      return replica;
    },
    topic: (logical) => `${topicPrefix}${logical}`,
    shutdown: async () => {
      await Promise.all([...Object.values(services), ...replicas].map((service) => service.stop()));
      await database.drop();
      await unprovision(topicPrefix);
    },
  };
}

async function unprovision(topicPrefix: string): Promise<void> {
  await withAdmin(adminConnection(), (admin) => new KafkaProvisioner(admin).removeDeployment(topicPrefix));
}
