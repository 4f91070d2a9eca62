import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { eventCatalogue } from '../event-catalogue';
import { buildAsyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  it('documents every event of the catalogue', () => {
    const messages = (buildAsyncApiDocument().components as { messages: Record<string, { name: string }> }).messages;
    expect(
      Object.values(messages)
        .map((m) => m.name)
        .sort(),
    ).toEqual(eventCatalogue.map((d) => d.type).sort());
  });

  it('is what docs/asyncapi.json says (regenerate with `npm run asyncapi`)', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(buildAsyncApiDocument());
  });

  it('is a valid AsyncAPI document for the AsyncAPI parser: no error, no warning', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(buildAsyncApiDocument()));
    const problems = diagnostics.filter(
      (d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning,
    );
    expect(problems.map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.channels().length).toBeGreaterThan(0);
    expect(document?.components().messages().length).toBe(eventCatalogue.length);
  }, 30_000);
});
