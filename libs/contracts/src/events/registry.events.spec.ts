import { gridStateSchema, gridStatusOf } from './registry.events';

describe('grid state status', () => {
  const v1 = {
    gridId: 'g1',
    tenantId: 'erqi',
    parentId: null,
    level: 'street',
    code: '410103001',
    name: '大学路街道',
    dedicated: null,
    addresses: [],
    leader: null,
    version: 1,
  };

  it('still accepts a state published before grids could retire, and reads it as active', () => {
    const parsed = gridStateSchema.parse(v1);
    expect(gridStatusOf(parsed)).toBe('active');
  });

  it('carries a retirement', () => {
    expect(gridStatusOf(gridStateSchema.parse({ ...v1, status: 'retired', version: 2 }))).toBe('retired');
    expect(gridStateSchema.safeParse({ ...v1, status: 'gone' }).success).toBe(false);
  });
});
