/**
 * One permission on the broker, in Kafka's own terms: `principal` may do `operation` on the resource. Kept as plain
 * data (no client types) so the whole plan can be computed, compared and printed without a broker.
 */
export interface AclBinding {
  readonly principal: string;
  readonly resourceType: 'topic' | 'group' | 'transactional-id';
  /** LITERAL names one resource; PREFIXED every resource whose name starts with it. */
  readonly patternType: 'literal' | 'prefixed';
  readonly resourceName: string;
  readonly operation: 'read' | 'write' | 'describe' | 'create';
}

export function aclKey(binding: AclBinding): string {
  return [binding.principal, binding.resourceType, binding.patternType, binding.resourceName, binding.operation].join(
    '|',
  );
}

/** Drops repeated bindings and sorts, so two plans compare as lists. */
export function normaliseAcls(bindings: readonly AclBinding[]): AclBinding[] {
  const unique = new Map(bindings.map((binding) => [aclKey(binding), binding]));
  return [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, binding]) => binding);
}
