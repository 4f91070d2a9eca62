import { isDependencyOutage } from './dependency-outage';

describe('isDependencyOutage', () => {
  it('recognises PostgreSQL going away, by SQLSTATE, socket code or driver message', () => {
    expect(
      isDependencyOutage(
        Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      ),
    ).toBe(true);
    expect(
      isDependencyOutage(Object.assign(new Error('the database system is shutting down'), { code: '57P03' })),
    ).toBe(true);
    expect(
      isDependencyOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDependencyOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    // TypeORM after the connection under a transaction was cut: the consumer must wait, not dead-letter the event.
    expect(
      isDependencyOutage(
        new Error(
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
        ),
      ),
    ).toBe(true);
  });

  it('leaves bugs and bad data alone', () => {
    expect(
      isDependencyOutage(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })),
    ).toBe(false);
    expect(isDependencyOutage(Object.assign(new Error('new row violates check constraint'), { code: '23514' }))).toBe(
      false,
    );
    expect(isDependencyOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });
});
