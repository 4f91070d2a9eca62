// Illustrative geography for the demo district: the page names streets, communities and courtyards but draws no
// map, so each grid gets a rectangle cut from its parent's (slice and dice, alternating direction by depth) around
// the real 二七区 (113.6°E, 34.7°N). Dedicated grids (a school, a market…) lie as small squares on top of their
// parent's area, so a point there shows "a dedicated grid wins". Deterministic: the same file gives the same map.

const DISTRICT_AREA = [113.6, 34.7, 113.68, 34.76];

/** Counter-clockwise rectangle as a GeoJSON Polygon (RFC 7946 winding). */
export function rectanglePolygon([x0, y0, x1, y1]) {
  const r = (n) => Math.round(n * 1e6) / 1e6;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [r(x0), r(y0)],
        [r(x1), r(y0)],
        [r(x1), r(y1)],
        [r(x0), r(y1)],
        [r(x0), r(y0)],
      ],
    ],
  };
}

export function centreOf([x0, y0, x1, y1]) {
  return { lon: Math.round(((x0 + x1) / 2) * 1e6) / 1e6, lat: Math.round(((y0 + y1) / 2) * 1e6) / 1e6 };
}

/** Grid name → [minLon, minLat, maxLon, maxLat] for every grid of the demo tree. */
export function layoutDistrict(streets) {
  const areas = new Map();
  slice(streets, DISTRICT_AREA, 0, areas);
  return areas;
}

function slice(nodes, area, depth, areas) {
  const plain = nodes.filter((node) => !node.dedicated);
  const dedicated = nodes.filter((node) => node.dedicated);
  const [x0, y0, x1, y1] = area;
  // A small margin keeps neighbours from sharing every edge with their parent's, which reads better on a map.
  const inset = Math.min(x1 - x0, y1 - y0) * 0.02;
  const inner = [x0 + inset, y0 + inset, x1 - inset, y1 - inset];
  const across = depth % 2 === 0;
  plain.forEach((node, index) => {
    const part = across
      ? [
          lerp(inner[0], inner[2], index / plain.length),
          inner[1],
          lerp(inner[0], inner[2], (index + 1) / plain.length),
          inner[3],
        ]
      : [
          inner[0],
          lerp(inner[1], inner[3], index / plain.length),
          inner[2],
          lerp(inner[1], inner[3], (index + 1) / plain.length),
        ];
    areas.set(node.name, part);
    slice(node.children ?? [], part, depth + 1, areas);
  });
  const side = Math.min(inner[2] - inner[0], inner[3] - inner[1]) / (dedicated.length * 2 + 2);
  dedicated.forEach((node, index) => {
    const left = inner[0] + side * (1 + index * 2);
    const square = [left, inner[1] + side, left + side, inner[1] + side * 2];
    areas.set(node.name, square);
    slice(node.children ?? [], square, depth + 1, areas);
  });
}

function lerp(a, b, t) {
  return a + (b - a) * t;
}
