import { ConfigurationError, loadServiceConfig } from './service-config';

const withKey = { AUTH_PUBLIC_KEY_FILE: __filename };
const identity = { serviceName: 'issue-dispatch', databaseSchema: 'issue_dispatch', portVariable: 'ISSUE_DISPATCH_PORT', defaultPort: 3002 };

describe('loadServiceConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadServiceConfig(identity, withKey);
    expect(config).toMatchObject({ port: 3002, kafkaBrokers: ['127.0.0.1:9092'], topicPrefix: '', databaseSchema: 'issue_dispatch', timerConcurrency: 2 });
  });

  it('reads the service port from its own variable and brokers as a list', () => {
    const config = loadServiceConfig(identity, { ...withKey, ISSUE_DISPATCH_PORT: '4000', KAFKA_BROKERS: 'a:9092, b:9092' });
    expect(config.port).toBe(4000);
    expect(config.kafkaBrokers).toEqual(['a:9092', 'b:9092']);
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadServiceConfig(identity, { DATABASE_URL: 'mysql://x' })).toThrow(ConfigurationError);
    expect(() => loadServiceConfig(identity, { DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL');
    expect(() => loadServiceConfig(identity, { ISSUE_DISPATCH_PORT: 'eighty' })).toThrow('ISSUE_DISPATCH_PORT');
    expect(() => loadServiceConfig(identity, { OUTBOX_POLL_MS: '0' })).toThrow('OUTBOX_POLL_MS');
    expect(() => loadServiceConfig(identity, { ...withKey, TIMER_CONCURRENCY: '0' })).toThrow('TIMER_CONCURRENCY');
  });

  it('refuses to start without a way to verify tokens', () => {
    expect(() => loadServiceConfig(identity, {})).toThrow('AUTH_JWKS_URL');
    expect(() => loadServiceConfig(identity, { AUTH_PUBLIC_KEY_FILE: '/no/such/key.pem' })).toThrow('does not exist');
    expect(loadServiceConfig(identity, { AUTH_JWKS_URL: 'https://id.example/jwks.json' }).auth.jwksUrl).toBe('https://id.example/jwks.json');
  });

  it('bounds token lifetimes to 24 hours and clock skew to 60 seconds unless told otherwise, within sane limits', () => {
    const jwks = { AUTH_JWKS_URL: 'https://id.example/jwks.json' };
    expect(loadServiceConfig(identity, jwks).auth).toMatchObject({ maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 });
    expect(loadServiceConfig(identity, { ...jwks, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600', AUTH_CLOCK_SKEW_SECONDS: '5' }).auth).toMatchObject({ maxLifetimeSeconds: 3600, clockSkewSeconds: 5 });
    expect(() => loadServiceConfig(identity, { ...jwks, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' })).toThrow('AUTH_MAX_TOKEN_LIFETIME_SECONDS');
    expect(() => loadServiceConfig(identity, { ...jwks, AUTH_CLOCK_SKEW_SECONDS: '3600' })).toThrow('AUTH_CLOCK_SKEW_SECONDS');
  });
});
