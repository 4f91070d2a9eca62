import { textKindOf, textProblem } from './text-rule';

describe('the text rule', () => {
  it('accepts ordinary text in any script, with line breaks in free text', () => {
    expect(textProblem('汝河路22号院 排水管堵塞\n请尽快处理', 'text')).toBeNull();
    expect(textProblem('مرحبا — hello — 👍🏽', 'name')).toBeNull();
  });

  it('refuses NUL and other control characters, naming the code point and position', () => {
    expect(textProblem('ab\u0000c', 'text')).toBe('contains the control character U+0000 at position 2');
    expect(textProblem('\u001b[31mred', 'text')).toMatch(/U\+001B/);
    expect(textProblem('x\u007f', 'text')).toMatch(/U\+007F/);
    expect(textProblem('x\u0085', 'text')).toMatch(/U\+0085/);
  });

  it('refuses lone surrogates but accepts a surrogate pair', () => {
    expect(textProblem('grid \ud800', 'name')).toMatch(/lone UTF-16 surrogate U\+D800 at position 5/);
    expect(textProblem('\udc00grid', 'name')).toMatch(/U\+DC00 at position 0/);
    expect(textProblem('\ud83d\ude00', 'name')).toBeNull();
  });

  it('refuses bidi embeddings, overrides and isolates', () => {
    for (const bidi of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`47号院${bidi}`, 'text')).toMatch(/bidirectional control/);
    }
  });

  it('refuses tabs and line breaks in names only', () => {
    expect(textProblem('第一\n网格', 'name')).toMatch(/a name is one line: it contains U\+000A/);
    expect(textProblem('第一\t网格', 'text')).toBeNull();
  });

  it('knows a name by its field', () => {
    expect(['name', 'title', 'firstName', 'service_name', 'last_name'].map(textKindOf)).toEqual(Array(5).fill('name'));
    expect(['description', 'names', 'Name', 'address', 'note'].map(textKindOf)).toEqual(Array(5).fill('text'));
  });
});
