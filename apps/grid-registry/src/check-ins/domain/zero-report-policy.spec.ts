import { zeroReportRuleFrom } from './zero-report-policy';

describe('a district zero-report rule', () => {
  it('defaults to Beijing time and every grid level', () => {
    expect(zeroReportRuleFrom({ cutoff: '18:00', enabled: true })).toEqual({
      ok: true,
      rule: {
        cutoff: '18:00',
        timeZone: 'Asia/Shanghai',
        levels: ['street', 'community', 'grid', 'micro'],
        enabled: true,
      },
    });
  });

  it('stores the canonical zone name and the levels in tree order', () => {
    const verdict = zeroReportRuleFrom({
      cutoff: '20:30',
      timeZone: 'asia/shanghai',
      levels: ['micro', 'community'],
      enabled: false,
    });
    expect(verdict).toEqual({
      ok: true,
      rule: { cutoff: '20:30', timeZone: 'Asia/Shanghai', levels: ['community', 'micro'], enabled: false },
    });
  });

  it('refuses a zone the runtime does not know, naming the field', () => {
    expect(zeroReportRuleFrom({ cutoff: '18:00', timeZone: 'Asia/Zhengzhou', enabled: true })).toMatchObject({
      ok: false,
      field: 'timeZone',
    });
    expect(zeroReportRuleFrom({ cutoff: '18:00', timeZone: 'UTC+8', enabled: true })).toMatchObject({
      ok: false,
      field: 'timeZone',
    });
  });
});
