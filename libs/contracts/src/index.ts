export * from './event-definition';
export * from './topics';
export * from './cloud-event';
export * from './event-catalogue';
export * from './events/common.schemas';
export * from './events/registry.events';
export * from './events/issue.events';
export * from './events/volunteer.events';
