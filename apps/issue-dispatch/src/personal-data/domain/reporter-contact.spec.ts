import { revealedFields, withoutReporterIds } from './reporter-contact';

describe("a reporter's contact", () => {
  it('reveals the fields it holds', () => {
    expect(revealedFields({ name: '王女士', phone: '13700000000', email: null })).toEqual(['name', 'phone']);
  });

  it('reveals nothing once erased', () => {
    expect(revealedFields({ name: null, phone: null, email: null })).toEqual([]);
  });

  it("loses the Open311 app's device and account ids on erasure but keeps the answers about the problem", () => {
    expect(withoutReporterIds({ deviceId: 'd-1', accountId: 'a-1', attributes: { DANGER: 'yes' } })).toEqual({
      attributes: { DANGER: 'yes' },
    });
  });
});
