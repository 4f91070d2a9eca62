import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eventCatalogue } from '../event-catalogue';
import { buildAsyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  it('documents every event of the catalogue', () => {
    const messages = (buildAsyncApiDocument().components as { messages: Record<string, { name: string }> }).messages;
    expect(Object.values(messages).map((m) => m.name).sort()).toEqual(eventCatalogue.map((d) => d.type).sort());
  });

  it('is what docs/asyncapi.json says (regenerate with `npm run asyncapi`)', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(buildAsyncApiDocument());
  });
});
