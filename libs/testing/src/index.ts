export * from './seeded-random';
export * from './event-application';
