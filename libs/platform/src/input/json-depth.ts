/**
 * How deep JSON may nest: arrays and objects inside each other. The deepest real document is a GeoJSON import
 * (FeatureCollection → features → Feature → geometry → MultiPolygon coordinates → polygon → ring → position:
 * 8); 32 leaves room and keeps every recursive walk (validation, the text rule, geometry checks) far from the
 * stack limit. docs/adr/0021-input-hygiene.md.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Whether JSON text nests deeper than `limit`, read without parsing it (one pass over the bytes or UTF-16 code
 * units, stopping at the first level too deep). Brackets inside strings do not count. Malformed JSON is
 * answered as well as it can be: the parser refuses it afterwards.
 */
export function jsonNestsDeeperThan(json: string | Uint8Array, limit: number = MAX_JSON_DEPTH): boolean {
  const at = typeof json === 'string' ? (i: number) => json.charCodeAt(i) : (i: number) => json[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const code = at(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (OPENERS.has(code)) {
      depth += 1;
      if (depth > limit) return true;
    } else if (CLOSERS.has(code)) {
      depth -= 1;
    }
  }
  return false;
}
