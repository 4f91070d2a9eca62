import { districtRouteOf } from './district-route';

describe('routing a shared event to its district', () => {
  it("sends an event to its district's copy of the topic", () => {
    expect(districtRouteOf('gridline.dispatch.issue-events.v1', 'erqi')).toEqual({
      tenantId: 'erqi',
      topic: 'gridline.district.erqi.dispatch.issue-events.v1',
    });
  });

  it('refuses to route a message without a district, or with one that could escape its prefix', () => {
    expect(districtRouteOf('gridline.dispatch.issue-events.v1', undefined)).toEqual({
      unroutable: 'no ce_tenantid header',
    });
    expect(districtRouteOf('gridline.dispatch.issue-events.v1', 'erqi.dispatch')).toMatchObject({
      unroutable: expect.stringContaining('is not a district id'),
    });
    expect(districtRouteOf('gridline.dispatch.issue-events.v1', 'Erqi')).toMatchObject({
      unroutable: expect.stringContaining('is not a district id'),
    });
  });
});
