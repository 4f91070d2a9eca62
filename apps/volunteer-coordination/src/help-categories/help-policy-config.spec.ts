import { ConfigurationError } from '@gridline/platform';
import { loadHelpPolicyCacheMs } from './help-policy-config';

describe('HELP_POLICY_CACHE_SECONDS', () => {
  it('keeps copies 5 s unless told otherwise, and 0 turns them off', () => {
    expect(loadHelpPolicyCacheMs({})).toBe(5_000);
    expect(loadHelpPolicyCacheMs({ HELP_POLICY_CACHE_SECONDS: '0' })).toBe(0);
    expect(loadHelpPolicyCacheMs({ HELP_POLICY_CACHE_SECONDS: '60' })).toBe(60_000);
  });

  it.each(['61', '-1', '2.5', 'soon'])('refuses %s, naming the variable', (value) => {
    expect(() => loadHelpPolicyCacheMs({ HELP_POLICY_CACHE_SECONDS: value })).toThrow(ConfigurationError);
    expect(() => loadHelpPolicyCacheMs({ HELP_POLICY_CACHE_SECONDS: value })).toThrow(/HELP_POLICY_CACHE_SECONDS/);
  });
});
