import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';

const root = path.resolve(__dirname, '../..');

function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : dtoFiles(full);
    return entry.name.endsWith('.dto.ts') ? [full] : [];
  });
}

/**
 * class-validator skips @ValidateNested when the property is missing, so a required object without @IsDefined lets
 * a request through with `undefined` where the use case expects an object — a 500 instead of a 400 naming the
 * field (it happened: a report without `reporter`). Every nested property is @IsOptional, @IsDefined or (a list) @IsArray.
 */
describe('request bodies: a required nested object is checked for presence', () => {
  it('marks every @ValidateNested property of every DTO @IsOptional, @IsDefined or @IsArray', () => {
    for (const app of readdirSync(path.join(root, 'apps'))) {
      // Loading each DTO file registers its decorators' metadata; which files exist is only known at run time.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      for (const file of dtoFiles(path.join(root, 'apps', app, 'src'))) require(file);
    }
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<
        object,
        Array<{ type: string; name?: string; propertyName: string; target: { name: string } }>
      >;
    };
    const metadata = [...storage.validationMetadatas.values()].flat();
    const key = (m: { target: { name: string }; propertyName: string }) => `${m.target.name}.${m.propertyName}`;
    // @IsArray refuses a missing list itself.
    const presenceChecked = (m: { type: string; name?: string }) =>
      m.type === ValidationTypes.CONDITIONAL_VALIDATION ||
      m.type === ValidationTypes.IS_DEFINED ||
      m.name === 'isArray';
    const guarded = new Set(metadata.filter(presenceChecked).map(key));
    const nested = metadata.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    expect(nested.length).toBeGreaterThan(5); // the DTOs were found and loaded
    expect([...new Set(nested.map(key))].filter((property) => !guarded.has(property))).toEqual([]);
  });
});
