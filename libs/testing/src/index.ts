export * from './seeded-random';
export * from './event-application';
export * from './eventually';
export * from './http-client';
export * from './free-port';
export * from './node-process';
export * from './json-lines-sink';
