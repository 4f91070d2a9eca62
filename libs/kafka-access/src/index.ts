export * from './acl-binding';
export * from './principals';
export * from './service-acls';
export * from './team-acls';
export * from './topic-plan';
export * from './kafka-acl-mapping';
export * from './kafka-provisioner';
export * from './admin-client';
