import { Admin, Kafka, logLevel } from 'kafkajs';
import {
  KafkaConnection,
  kafkaConnectionFrom,
  kafkaConnectionSchema,
} from '@gridline/platform/config/kafka-connection';
import { kafkaClientConfig } from '@gridline/messaging/kafka/kafka-client-config';

/** The super user's connection, from the same KAFKA_* variables a service reads (with the admin's credentials). */
export function adminConnectionFrom(env: NodeJS.ProcessEnv): KafkaConnection {
  const parsed = kafkaConnectionSchema.safeParse(env);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  const result = kafkaConnectionFrom(parsed.data);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.connection;
}

/** Runs `work` with a connected admin client and always disconnects it. */
export async function withAdmin<T>(connection: KafkaConnection, work: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({
    clientId: 'gridline-provisioning',
    ...kafkaClientConfig(connection),
    logLevel: logLevel.NOTHING,
    retry: { retries: 5 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
