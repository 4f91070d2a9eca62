import { loadPersonalDataConfig } from './personal-data.config';

describe('personal-data configuration', () => {
  it('keeps contacts 180 days by default', () => {
    expect(loadPersonalDataConfig('test', {})).toEqual({ defaultRetentionSeconds: 180 * 86_400 });
  });

  it('stops with a message naming a bad CONTACT_RETENTION_DAYS', () => {
    expect(() => loadPersonalDataConfig('issue-dispatch', { CONTACT_RETENTION_DAYS: 'forever' })).toThrow(
      /issue-dispatch: invalid configuration — CONTACT_RETENTION_DAYS/,
    );
    expect(() => loadPersonalDataConfig('issue-dispatch', { CONTACT_RETENTION_DAYS: '-1' })).toThrow(
      /CONTACT_RETENTION_DAYS/,
    );
  });
});
