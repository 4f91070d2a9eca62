import { z } from 'zod';
import { adminConnectionFrom, withAdmin } from './admin-client';
import { KafkaProvisioner } from './kafka-provisioner';

/**
 * `npm run kafka:provision`: makes the cluster match the event catalogue for one deployment — topics with their
 * retention, and every service principal's ACLs — as the provisioning super user (KAFKA_SASL_USERNAME and
 * KAFKA_SASL_PASSWORD[_FILE] name it here). Run before the services start; safe to run again.
 */
async function main(): Promise<void> {
  const settings = z
    .object({
      KAFKA_TOPIC_PREFIX: z
        .string()
        .regex(/^[a-zA-Z0-9._-]*$/)
        .default(''),
      KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(64).default(3),
    })
    .parse(process.env);
  const connection = adminConnectionFrom(process.env);
  const result = await withAdmin(connection, (admin) =>
    new KafkaProvisioner(admin).provisionDeployment(settings.KAFKA_TOPIC_PREFIX, settings.KAFKA_TOPIC_PARTITIONS),
  );
  const deployment = settings.KAFKA_TOPIC_PREFIX ? `prefix ${settings.KAFKA_TOPIC_PREFIX}` : 'no topic prefix';
  process.stdout.write(
    `kafka: provisioned (${deployment}) as ${connection.username}: ${result.topicsCreated.length} topics created, ` +
      `${result.topicsReconfigured.length} re-configured, ${result.aclsGranted} service ACLs in force, ${result.aclsRevoked} stale ones removed\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka: provisioning failed — ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
