/** Injection token for the service's ioredis client. */
export const REDIS = Symbol('REDIS');
