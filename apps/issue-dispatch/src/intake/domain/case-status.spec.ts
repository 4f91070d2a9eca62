import { open311StatusNotes, open311StatusOf } from './case-status';

describe('open311StatusOf', () => {
  it('calls a closed or rejected case closed', () => {
    expect(open311StatusOf('closed')).toBe('closed');
    expect(open311StatusOf('rejected')).toBe('closed');
  });

  it('keeps every other state open, including states it has never heard of', () => {
    for (const state of [
      'reported',
      'accepted',
      'dispatched',
      'acknowledged',
      'in-progress',
      'resolved',
      'verified',
      'parked',
      'some-future-state',
    ]) {
      expect({ state, status: open311StatusOf(state) }).toEqual({ state, status: 'open' });
    }
  });
});

describe('open311StatusNotes', () => {
  it('names the real state and the level holding an open case', () => {
    expect(open311StatusNotes({ state: 'dispatched', holderLevel: 'micro', critical: false })).toBe(
      'dispatched; held at micro-grid level',
    );
    expect(open311StatusNotes({ state: 'acknowledged', holderLevel: 'community', critical: false })).toBe(
      'acknowledged; held at community level',
    );
  });

  it('says when a case is critical and leaves the holder out once it is closed', () => {
    expect(open311StatusNotes({ state: 'dispatched', holderLevel: 'city', critical: true })).toBe(
      'dispatched; held at city level; critical (escalated to the top)',
    );
    expect(open311StatusNotes({ state: 'rejected', holderLevel: 'district', critical: false })).toBe('rejected');
  });
});
