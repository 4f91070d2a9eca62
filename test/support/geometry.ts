/** A counter-clockwise rectangle from (x0, y0) to (x1, y1): a valid RFC 7946 outer ring for boundary tests. */
export const rectangle = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
