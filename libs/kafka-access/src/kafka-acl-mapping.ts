import {
  AclEntry,
  AclFilter,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
} from 'kafkajs';
import { AclBinding } from './acl-binding';

const resourceTypes = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
  'transactional-id': AclResourceTypes.TRANSACTIONAL_ID,
} as const;
const patternTypes = { literal: ResourcePatternTypes.LITERAL, prefixed: ResourcePatternTypes.PREFIXED } as const;
const operations = {
  read: AclOperationTypes.READ,
  write: AclOperationTypes.WRITE,
  describe: AclOperationTypes.DESCRIBE,
  create: AclOperationTypes.CREATE,
} as const;

/** An ALLOW entry from any host: who may do what is the principal's business, not the address it connects from. */
export function toKafkaAcl(binding: AclBinding): AclEntry {
  return {
    principal: binding.principal,
    host: '*',
    resourceType: resourceTypes[binding.resourceType],
    resourceName: binding.resourceName,
    resourcePatternType: patternTypes[binding.patternType],
    operation: operations[binding.operation],
    permissionType: AclPermissionTypes.ALLOW,
  };
}

/** Reads an entry back; null for anything this plan never grants (another operation, a DENY, a cluster ACL). */
export function fromKafkaAcl(entry: AclEntry): AclBinding | null {
  const find = <T extends Record<string, number>>(table: T, value: number) =>
    (Object.keys(table) as Array<keyof T>).find((key) => table[key] === value);
  const resourceType = find(resourceTypes, entry.resourceType);
  const patternType = find(patternTypes, entry.resourcePatternType);
  const operation = find(operations, entry.operation);
  if (
    !resourceType ||
    !patternType ||
    !operation ||
    entry.permissionType !== AclPermissionTypes.ALLOW ||
    entry.host !== '*'
  )
    return null;
  return { principal: entry.principal, resourceType, patternType, resourceName: entry.resourceName, operation };
}

/** Matches every ACL of one principal (of every principal when undefined). */
export function principalFilter(principal: string | undefined): AclFilter {
  return {
    principal,
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
    host: '*',
  };
}

/** The exact filter of one entry, for deleting it and nothing else. */
export function exactFilter(entry: AclEntry): AclFilter {
  return { ...entry };
}
