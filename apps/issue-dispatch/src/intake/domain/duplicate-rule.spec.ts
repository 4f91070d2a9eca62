import { distanceMetres, likelyDuplicate, ReportFacts, searchBox } from './duplicate-rule';

const policy = { radiusMetres: 50, windowHours: 72 };
const at = (iso: string) => new Date(iso);
const base: ReportFacts = {
  category: 'street-lighting',
  reportedAt: at('2026-12-01T10:00:00Z'),
  addressKey: null,
  point: { lon: 113.601, lat: 34.701 },
};
/** ~0.000449° of latitude is 50 m. */
const north = (metres: number) => ({ lon: 113.601, lat: 34.701 + metres / 111_195 });

describe('distanceMetres', () => {
  it('measures about 111 km per degree of latitude and shrinks longitude with the cosine', () => {
    expect(distanceMetres({ lon: 0, lat: 0 }, { lon: 0, lat: 1 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres({ lon: 113, lat: 60 }, { lon: 114, lat: 60 })).toBeCloseTo(55_597, -1);
    expect(distanceMetres(base.point!, base.point!)).toBe(0);
  });
});

describe('likelyDuplicate', () => {
  const report: ReportFacts = { ...base, reportedAt: at('2026-12-02T10:00:00Z') };

  it('matches an earlier report of the same category within the radius', () => {
    const match = likelyDuplicate(report, { ...base, point: north(30) }, policy);
    expect(match?.matchedBy).toBe('radius');
    expect(match?.distanceMetres).toBeCloseTo(30, 0);
  });

  it('does not match just outside the radius', () => {
    expect(likelyDuplicate(report, { ...base, point: north(49) }, policy)).not.toBeNull();
    expect(likelyDuplicate(report, { ...base, point: north(51) }, policy)).toBeNull();
  });

  it('does not match another category at the same spot', () => {
    expect(likelyDuplicate(report, { ...base, category: 'noise' }, policy)).toBeNull();
  });

  it('does not match a report older than the window, nor one made after the new report', () => {
    expect(likelyDuplicate(report, { ...base, reportedAt: at('2026-11-29T10:00:00Z') }, policy)).not.toBeNull(); // exactly 72 h
    expect(likelyDuplicate(report, { ...base, reportedAt: at('2026-11-29T09:59:59Z') }, policy)).toBeNull();
    expect(likelyDuplicate(report, { ...base, reportedAt: at('2026-12-02T10:00:01Z') }, policy)).toBeNull();
  });

  it('matches the same registered place however far apart the points are, and without points', () => {
    const place = { ...report, addressKey: '嵩山路47号院', point: null };
    expect(likelyDuplicate(place, { ...base, addressKey: '嵩山路47号院', point: null }, policy)).toEqual({
      matchedBy: 'place',
      distanceMetres: null,
    });
    const far = likelyDuplicate(
      { ...place, point: north(0) },
      { ...base, addressKey: '嵩山路47号院', point: north(500) },
      policy,
    );
    expect(far?.matchedBy).toBe('place');
    expect(far?.distanceMetres).toBeCloseTo(500, 0);
    expect(likelyDuplicate(place, { ...base, addressKey: '汝河路22号院', point: null }, policy)).toBeNull();
  });

  it('cannot match two reports that have neither a shared place nor both a point', () => {
    expect(likelyDuplicate({ ...report, point: null }, base, policy)).toBeNull();
  });
});

describe('searchBox', () => {
  it('contains every point within the radius, also far north', () => {
    for (const lat of [0, 34.7, 70]) {
      const centre = { lon: 113.6, lat };
      const box = searchBox(centre, 1000);
      for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
        const r = (bearing * Math.PI) / 180;
        const dLat = (Math.cos(r) * 999) / 111_195;
        const dLon = (Math.sin(r) * 999) / (111_195 * Math.cos((lat * Math.PI) / 180));
        const p = { lon: centre.lon + dLon, lat: centre.lat + dLat };
        expect(distanceMetres(centre, p)).toBeLessThan(1000);
        expect(p.lon >= box.minLon && p.lon <= box.maxLon && p.lat >= box.minLat && p.lat <= box.maxLat).toBe(true);
      }
    }
  });
});
