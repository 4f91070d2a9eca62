import { ConfigurationError, loadServiceConfig } from './service-config';

const withKey = {
  AUTH_PUBLIC_KEY_FILE: __filename,
  KAFKA_SASL_USERNAME: 'svc-issue-dispatch',
  KAFKA_SASL_PASSWORD: 'secret',
};
const identity = {
  serviceName: 'issue-dispatch',
  databaseSchema: 'issue_dispatch',
  portVariable: 'ISSUE_DISPATCH_PORT',
  defaultPort: 3002,
};

describe('loadServiceConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadServiceConfig(identity, withKey);
    expect(config).toMatchObject({
      port: 3002,
      topicPrefix: '',
      databaseSchema: 'issue_dispatch',
      timerConcurrency: 2,
    });
    expect(config.kafka).toEqual({
      brokers: ['127.0.0.1:9092'],
      securityProtocol: 'SASL_SSL',
      username: 'svc-issue-dispatch',
      password: 'secret',
      caFile: null,
    });
  });

  it('logs JSON in production and readable lines elsewhere unless LOG_FORMAT says otherwise', () => {
    expect(loadServiceConfig(identity, { ...withKey, NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadServiceConfig(identity, withKey).logFormat).toBe('pretty');
    expect(loadServiceConfig(identity, { ...withKey, LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadServiceConfig(identity, { ...withKey, NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe(
      'pretty',
    );
    expect(() => loadServiceConfig(identity, { ...withKey, LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT');
  });

  it('reads the service port from its own variable and brokers as a list', () => {
    const config = loadServiceConfig(identity, {
      ...withKey,
      ISSUE_DISPATCH_PORT: '4000',
      KAFKA_BROKERS: 'a:9092, b:9092',
    });
    expect(config.port).toBe(4000);
    expect(config.kafka.brokers).toEqual(['a:9092', 'b:9092']);
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadServiceConfig(identity, { DATABASE_URL: 'mysql://x' })).toThrow(ConfigurationError);
    expect(() => loadServiceConfig(identity, { DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL');
    expect(() => loadServiceConfig(identity, { ISSUE_DISPATCH_PORT: 'eighty' })).toThrow('ISSUE_DISPATCH_PORT');
    expect(() => loadServiceConfig(identity, { OUTBOX_POLL_MS: '0' })).toThrow('OUTBOX_POLL_MS');
    expect(() => loadServiceConfig(identity, { ...withKey, TIMER_CONCURRENCY: '0' })).toThrow('TIMER_CONCURRENCY');
  });

  it('caps a consumer fetch at 4 MB and 512 kB a partition, and refuses limits that contradict each other', () => {
    expect(loadServiceConfig(identity, withKey).consumerFetch).toEqual({
      minBytes: 16_384,
      maxWaitMs: 100,
      maxBytes: 4_194_304,
      maxPartitionBytes: 524_288,
    });
    expect(() =>
      loadServiceConfig(identity, {
        ...withKey,
        CONSUMER_FETCH_MAX_BYTES: '65536',
        CONSUMER_FETCH_MAX_PARTITION_BYTES: '131072',
      }),
    ).toThrow('CONSUMER_FETCH_MAX_PARTITION_BYTES (131072) exceeds CONSUMER_FETCH_MAX_BYTES (65536)');
    expect(() =>
      loadServiceConfig(identity, {
        ...withKey,
        CONSUMER_FETCH_MAX_BYTES: '65536',
        CONSUMER_FETCH_MAX_PARTITION_BYTES: '16384',
        CONSUMER_FETCH_MIN_BYTES: '100000',
      }),
    ).toThrow(/— CONSUMER_FETCH_MIN_BYTES \(100000\) exceeds CONSUMER_FETCH_MAX_BYTES \(65536\)$/);
    expect(() => loadServiceConfig(identity, { ...withKey, CONSUMER_FETCH_MAX_PARTITION_BYTES: '1024' })).toThrow(
      'CONSUMER_FETCH_MAX_PARTITION_BYTES',
    );
  });

  it('refuses to start without a way to verify tokens', () => {
    const { AUTH_PUBLIC_KEY_FILE, ...kafkaOnly } = withKey;
    expect(() => loadServiceConfig(identity, kafkaOnly)).toThrow('AUTH_JWKS_URL');
    expect(() => loadServiceConfig(identity, { ...kafkaOnly, AUTH_PUBLIC_KEY_FILE: '/no/such/key.pem' })).toThrow(
      'does not exist',
    );
    expect(
      loadServiceConfig(identity, { ...kafkaOnly, AUTH_JWKS_URL: 'https://id.example/jwks.json' }).auth.jwksUrl,
    ).toBe('https://id.example/jwks.json');
    expect(AUTH_PUBLIC_KEY_FILE).toBe(__filename);
  });

  it('refuses a Kafka connection without credentials', () => {
    const { KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD, ...anonymous } = withKey;
    expect(() => loadServiceConfig(identity, anonymous)).toThrow('KAFKA_SASL_USERNAME: required');
    expect(() => loadServiceConfig(identity, { ...anonymous, KAFKA_SASL_USERNAME })).toThrow(
      'KAFKA_SASL_PASSWORD: required',
    );
    expect(
      loadServiceConfig(identity, { ...anonymous, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD_FILE: __filename }).kafka
        .password,
    ).toContain('refuses a Kafka connection');
    expect(() =>
      loadServiceConfig(identity, { ...anonymous, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD_FILE: '/no/such/secret' }),
    ).toThrow('does not exist');
    expect(KAFKA_SASL_PASSWORD).toBe('secret');
  });

  it('allows credentials without TLS only to a broker on loopback', () => {
    const plaintext = { ...withKey, KAFKA_SECURITY_PROTOCOL: 'SASL_PLAINTEXT' };
    expect(
      loadServiceConfig(identity, { ...plaintext, KAFKA_BROKERS: '127.0.0.1:9092,localhost:9094' }).kafka
        .securityProtocol,
    ).toBe('SASL_PLAINTEXT');
    expect(() => loadServiceConfig(identity, { ...plaintext, KAFKA_BROKERS: 'kafka-0.kafka:9092' })).toThrow(
      'allowed only to a loopback broker, not kafka-0.kafka:9092',
    );
    expect(() => loadServiceConfig(identity, { ...withKey, KAFKA_SECURITY_PROTOCOL: 'PLAINTEXT' })).toThrow(
      'KAFKA_SECURITY_PROTOCOL',
    );
  });

  it('bounds token lifetimes to 24 hours and clock skew to 60 seconds unless told otherwise, within sane limits', () => {
    const jwks = {
      AUTH_JWKS_URL: 'https://id.example/jwks.json',
      KAFKA_SASL_USERNAME: 'svc-issue-dispatch',
      KAFKA_SASL_PASSWORD: 'secret',
    };
    expect(loadServiceConfig(identity, jwks).auth).toMatchObject({ maxLifetimeSeconds: 86_400, clockSkewSeconds: 60 });
    expect(
      loadServiceConfig(identity, { ...jwks, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600', AUTH_CLOCK_SKEW_SECONDS: '5' })
        .auth,
    ).toMatchObject({ maxLifetimeSeconds: 3600, clockSkewSeconds: 5 });
    expect(() => loadServiceConfig(identity, { ...jwks, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '0' })).toThrow(
      'AUTH_MAX_TOKEN_LIFETIME_SECONDS',
    );
    expect(() => loadServiceConfig(identity, { ...jwks, AUTH_CLOCK_SKEW_SECONDS: '3600' })).toThrow(
      'AUTH_CLOCK_SKEW_SECONDS',
    );
  });
});
