// The JavaScript side of Kafka access for the repository's commands (npm start, npm run streams): it loads the
// compiled libs/kafka-access (so provisioning follows the same catalogue the services are built from) and connects
// as the provisioning super user named in the secrets file of the infrastructure in use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadKafkaAccess(root) {
  const entry = path.join(root, 'dist/libs/kafka-access/src/index.js');
  try {
    return (await import(pathToFileURL(entry).href)).default;
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(`gridline: ${path.relative(root, entry)} is missing — run npm run build first`);
    throw error;
  }
}

export function readKafkaSecrets(infra) {
  return JSON.parse(readFileSync(infra.GRIDLINE_KAFKA_SECRETS, 'utf8'));
}

/** The provisioning super user's connection (never handed to a service). */
export function adminConnection(infra) {
  const { admin } = readKafkaSecrets(infra);
  return {
    brokers: infra.KAFKA_BROKERS.split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
    securityProtocol: infra.KAFKA_SECURITY_PROTOCOL,
    username: admin.username,
    password: admin.password,
    caFile: process.env.KAFKA_SSL_CA_FILE ?? null,
  };
}

/** Topics and service ACLs for one deployment, from the catalogue; prints what it did. */
export async function provisionKafka(root, infra, { prefix = '', partitions = 3, log }) {
  const access = await loadKafkaAccess(root);
  const result = await access.withAdmin(adminConnection(infra), (admin) =>
    new access.KafkaProvisioner(admin).provisionDeployment(prefix, partitions),
  );
  log(
    `kafka: provisioned from the catalogue — ${result.topicsCreated.length} topics created, ${result.topicsReconfigured.length} re-configured, ${result.aclsGranted} service ACLs, ${result.aclsRevoked} stale removed`,
  );
  return result;
}

/**
 * The event feed `npm start` prints reads as a city analytics team would (team-demo-feed, whose SCRAM credentials
 * the local broker was formatted with): every public topic, nothing INTERNAL. Returns how it connects.
 */
export async function grantDemoTeam(root, infra, prefix) {
  const access = await loadKafkaAccess(root);
  const { demoTeam } = readKafkaSecrets(infra);
  if (!demoTeam) throw new Error(`gridline: ${infra.GRIDLINE_KAFKA_SECRETS} has no demoTeam credentials`);
  const team = demoTeam.username.replace(/^team-/, '');
  await access.withAdmin(adminConnection(infra), (admin) =>
    new access.KafkaProvisioner(admin).grant(access.teamAcls({ team }, prefix)),
  );
  return {
    ...adminConnection(infra),
    username: demoTeam.username,
    password: demoTeam.password,
    groupPrefix: `${prefix}${demoTeam.username}.`,
  };
}
