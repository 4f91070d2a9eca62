/**
 * The one rule for text Gridline accepts, wherever it comes from (a JSON or form body, a query value, a path
 * segment, an import file). Text breaking it is refused with 400 INVALID_TEXT, never stripped: quietly changing
 * what a client sent would store a name nobody typed, and a client that sends these characters is broken or
 * probing. docs/adr/0021-input-hygiene.md.
 *
 * Refused in any text:
 * - U+0000 (PostgreSQL cannot store it) and the other C0 controls except TAB, LF and CR; DEL and the C1
 *   controls U+0080–U+009F (they hide in logs and CSV exports);
 * - a lone UTF-16 surrogate (not Unicode text; it cannot be encoded as UTF-8 without loss);
 * - bidirectional embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069 (they make a name read
 *   differently from what it is, e.g. "47号院" shown in place of another courtyard).
 * Refused in a name as well: TAB, LF and CR — a name is one line. A name is a field called `name`, `title`,
 * `…Name` or `…_name` (grid, member, reporter, volunteer, team, tool, service event, Open311 first/last name).
 */
export type TextKind = 'text' | 'name';

// Control characters are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const controlOrBidi = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const lineBreakOrTab = /[\t\n\r]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nameField = /^(name|title)$|[a-z0-9]Name$|_name$/;

/** Whether a field of this name holds a name (one line) rather than free text. */
export function textKindOf(field: string): TextKind {
  return nameField.test(field) ? 'name' : 'text';
}

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` breaks the rule for its kind, or null when it is acceptable. */
export function textProblem(value: string, kind: TextKind): string | null {
  const surrogate = loneSurrogate.exec(value);
  if (surrogate)
    return `contains a lone UTF-16 surrogate ${codePoint(surrogate[0])} at position ${surrogate.index}; send well-formed Unicode`;
  const control = controlOrBidi.exec(value);
  if (control) {
    const what = control[0] >= '\u202A' ? 'bidirectional control' : 'control character';
    return `contains the ${what} ${codePoint(control[0])} at position ${control.index}`;
  }
  if (kind === 'name') {
    const lineBreak = lineBreakOrTab.exec(value);
    if (lineBreak) return `a name is one line: it contains ${codePoint(lineBreak[0])} at position ${lineBreak.index}`;
  }
  return null;
}
