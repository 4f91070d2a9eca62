import { PlaceErrors } from './place-errors';

describe('PlaceErrors', () => {
  it('INVALID_POLYGON names the first problem and counts the others', () => {
    const problems = [
      { field: 'coordinates[0]', reason: 'ring is not closed' },
      { field: 'coordinates[1]', reason: 'hole outside its outer ring' },
      { field: 'coordinates[2]', reason: 'ring is not closed' },
    ];
    const error = PlaceErrors.INVALID_POLYGON(problems);
    expect([error.status, error.code, error.message, error.details]).toEqual([
      422,
      'INVALID_POLYGON',
      'the boundary is not a valid polygon: coordinates[0]: ring is not closed (and 2 more problems)',
      problems,
    ]);
    expect(PlaceErrors.POLYGON_TOO_COMPLEX(problems.slice(0, 1)).message).toBe(
      'the boundary is not a valid polygon: coordinates[0]: ring is not closed',
    );
  });

  it('LOCATION_NOT_IN_DISTRICT for a point and for an address', () => {
    expect(PlaceErrors.LOCATION_NOT_IN_DISTRICT('erqi', { lon: 113.6, lat: 34.7 }).message).toBe(
      'the point (113.6, 34.7) lies within no grid boundary of district erqi',
    );
    expect(PlaceErrors.LOCATION_NOT_IN_DISTRICT('erqi', { address: '汝河路22号院' }).message).toBe(
      'no place or grid is registered under 汝河路22号院 of district erqi',
    );
  });
});
