import { checkPlaceParent } from './place-hierarchy';

describe('which place may stand inside which', () => {
  it('puts buildings in courtyards and stairwells in buildings', () => {
    expect(checkPlaceParent('building', 'courtyard')).toEqual({ allowed: true });
    expect(checkPlaceParent('stairwell', 'building')).toEqual({ allowed: true });
    expect(checkPlaceParent('poi', 'courtyard')).toEqual({ allowed: true });
  });

  it('lets any place stand without a parent', () => {
    for (const kind of ['courtyard', 'building', 'stairwell', 'poi'] as const)
      expect(checkPlaceParent(kind, null)).toEqual({ allowed: true });
  });

  it('refuses a stairwell straight in a courtyard and says where it belongs', () => {
    expect(checkPlaceParent('stairwell', 'courtyard')).toEqual({
      allowed: false,
      reason: "a 'stairwell' cannot be inside a 'courtyard': it belongs in a 'building'",
    });
  });

  it('refuses a courtyard inside anything', () => {
    expect(checkPlaceParent('courtyard', 'building')).toEqual({
      allowed: false,
      reason: "a 'courtyard' stands on its own and cannot be inside a 'building'",
    });
  });
});
