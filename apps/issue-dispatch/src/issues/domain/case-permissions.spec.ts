import { ActorGrants, authorise, CasePlace } from './case-permissions';

const place: CasePlace = { holderLineage: ['micro', 'level3', 'community', 'street'], reporterSubject: 'resident-1' };
const actor = (roles: ActorGrants['roles'], subject = 'someone'): ActorGrants => ({ subject, roles });

describe('who may move a case', () => {
  it('lets the holding grid’s leader and worker, and an ancestor’s leader, acknowledge', () => {
    expect(authorise('acknowledge', actor([{ role: 'worker', grid: 'micro' }]), place)).toEqual({
      capacity: 'holder-worker',
      role: 'worker',
      gridId: 'micro',
    });
    expect(authorise('acknowledge', actor([{ role: 'leader', grid: 'community' }]), place)).toEqual({
      capacity: 'ancestor-leader',
      role: 'leader',
      gridId: 'community',
    });
    expect(authorise('acknowledge', actor([{ role: 'dispatcher' }]), place)?.capacity).toBe('district-staff');
  });

  it('refuses an ancestor grid’s worker, a sibling grid’s leader and a resident', () => {
    expect(authorise('acknowledge', actor([{ role: 'worker', grid: 'community' }]), place)).toBeNull();
    expect(authorise('acknowledge', actor([{ role: 'leader', grid: 'other-micro' }]), place)).toBeNull();
    expect(authorise('acknowledge', actor([{ role: 'resident' }], 'resident-1'), place)).toBeNull();
  });

  it('lets the reporter verify and rate, and no other resident', () => {
    expect(authorise('verify', actor([{ role: 'resident' }], 'resident-1'), place)).toEqual({
      capacity: 'reporter',
      role: 'resident',
      gridId: null,
    });
    expect(authorise('rate', actor([{ role: 'resident' }], 'resident-2'), place)).toBeNull();
    expect(authorise('rate', actor([{ role: 'dispatcher' }]), place)).toBeNull();
    expect(authorise('verify', actor([{ role: 'dispatcher' }]), place)?.capacity).toBe('district-staff');
  });

  it('has extensions asked by the holding grid and decided one level up, never by the asker’s own grid', () => {
    expect(authorise('request-extension', actor([{ role: 'worker', grid: 'micro' }]), place)?.capacity).toBe(
      'holder-worker',
    );
    expect(authorise('request-extension', actor([{ role: 'leader', grid: 'level3' }]), place)).toBeNull();
    expect(authorise('approve-extension', actor([{ role: 'leader', grid: 'micro' }]), place)).toBeNull();
    expect(authorise('approve-extension', actor([{ role: 'leader', grid: 'level3' }]), place)?.capacity).toBe(
      'ancestor-leader',
    );
    expect(authorise('deny-extension', actor([{ role: 'district-admin' }]), place)?.capacity).toBe('district-staff');
  });

  it('keeps accepting, dispatching and closing to the district dispatch centre', () => {
    for (const action of ['accept', 'reject', 'dispatch', 'close'] as const) {
      expect(authorise(action, actor([{ role: 'leader', grid: 'street' }]), place)).toBeNull();
      expect(authorise(action, actor([{ role: 'dispatcher' }]), place)?.capacity).toBe('district-staff');
    }
  });

  it('lets the grid’s leader reassign but not its worker', () => {
    expect(authorise('reassign', actor([{ role: 'leader', grid: 'micro' }]), place)?.capacity).toBe('holder-leader');
    expect(authorise('reassign', actor([{ role: 'worker', grid: 'micro' }]), place)).toBeNull();
  });

  it('gives grid staff nothing on a case held by a dispatch centre', () => {
    const atCentre: CasePlace = { holderLineage: [], reporterSubject: null };
    expect(authorise('acknowledge', actor([{ role: 'leader', grid: 'street' }]), atCentre)).toBeNull();
    expect(authorise('acknowledge', actor([{ role: 'dispatcher' }]), atCentre)?.capacity).toBe('district-staff');
  });
});
