import { ServiceName } from '@gridline/contracts';

/**
 * Kafka principals (SASL/SCRAM user names). One per service, one per analytics team; the provisioning super user
 * is named by the deployment (KAFKA_ADMIN_USERNAME) and used for nothing else.
 */
export function servicePrincipal(service: ServiceName): string {
  return `svc-${service}`;
}

export const TEAM_NAME_PATTERN = /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/;

export function teamPrincipal(team: string): string {
  if (!TEAM_NAME_PATTERN.test(team))
    throw new Error(
      `team name ${JSON.stringify(team)}: 3-32 lower-case letters, digits and dashes, starting with a letter`,
    );
  return `team-${team}`;
}

/** `User:` is how Kafka's authorizer spells a SASL principal. */
export function userPrincipal(name: string): string {
  return `User:${name}`;
}
