import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The architecture rules as a test, not a wish: apps never import each other (Kafka is the only channel), libs
 * never import apps, neither imports the benchmarks or the test harness, and domain folders stay free of framework
 * and infrastructure code.
 */
const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

const apps = readdirSync(path.join(root, 'apps'));

describe('architecture boundaries', () => {
  it.each(apps)('%s imports no other app', (app) => {
    const offenders = sourceFiles(path.join(root, 'apps', app)).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('.'))
        .map((target) => path.resolve(path.dirname(file), target))
        .filter(
          (resolved) =>
            resolved.startsWith(path.join(root, 'apps')) && !resolved.startsWith(path.join(root, 'apps', app)),
        )
        .map((resolved) => `${path.relative(root, file)} → ${path.relative(root, resolved)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('libs import no app', () => {
    const offenders = sourceFiles(path.join(root, 'libs')).filter((file) =>
      importsOf(file).some(
        (target) =>
          target.startsWith('.') && path.resolve(path.dirname(file), target).startsWith(path.join(root, 'apps')),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('apps and libs import nothing from bench/ or test/ (shared test helpers live in libs/testing)', () => {
    const outside = [path.join(root, 'bench'), path.join(root, 'test')];
    const offenders = [...sourceFiles(path.join(root, 'apps')), ...sourceFiles(path.join(root, 'libs'))].flatMap(
      (file) =>
        importsOf(file)
          .filter((target) => target.startsWith('.'))
          .map((target) => path.resolve(path.dirname(file), target))
          .filter((resolved) => outside.some((dir) => resolved.startsWith(dir + path.sep)))
          .map((resolved) => `${path.relative(root, file)} → ${path.relative(root, resolved)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('domain code imports no framework, ORM or broker client', () => {
    const forbidden =
      /^(@nestjs\/|typeorm|kafkajs|ioredis|pg$|@gridline\/(messaging|platform|scheduling|grid-replica))/;
    const domainFiles = [...sourceFiles(path.join(root, 'apps')), ...sourceFiles(path.join(root, 'libs'))].filter(
      (file) => file.split(path.sep).includes('domain'),
    );
    expect(domainFiles.length).toBeGreaterThan(0);
    const offenders = domainFiles.flatMap((file) =>
      importsOf(file)
        .filter((t) => forbidden.test(t))
        .map((t) => `${path.relative(root, file)} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every HTTP route says who may call it (@Permit) or is public (@Public)', () => {
    const controllers = [...sourceFiles(path.join(root, 'apps')), ...sourceFiles(path.join(root, 'libs'))].filter((f) =>
      f.endsWith('.controller.ts'),
    );
    expect(controllers.length).toBeGreaterThan(0);
    const unguarded = controllers.flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines.some((line) => line.trim() === '@Public()')) return [];
      return lines.flatMap((line, index) => {
        if (!/^\s+@(Get|Post|Put|Patch|Delete)\(/.test(line)) return [];
        // The decorators stacked on one method: the contiguous run of lines around the route decorator that
        // start with '@' (multi-line decorator arguments are indented further and skipped over).
        const block: string[] = [];
        for (
          let i = index;
          i >= 0 &&
          /^\s+(@|\}|\)|[a-z'"])/.test(lines[i]) &&
          !/^\s+(async |private |public )?[a-zA-Z]+\(/.test(lines[i]);
          i -= 1
        )
          block.push(lines[i]);
        for (let i = index + 1; i < lines.length && !/^\s+(async |private |public )?[a-zA-Z]+\(/.test(lines[i]); i += 1)
          block.push(lines[i]);
        return block.some((l) => l.includes('@Permit(')) ? [] : [`${path.relative(root, file)}:${index + 1}`];
      });
    });
    expect(unguarded).toEqual([]);
  });

  it('a service’s root module holds infrastructure and feature modules only: its controllers, handlers, readers and use cases are listed by their feature’s module', () => {
    const services = apps.filter((app) => existsSync(path.join(root, 'apps', app, 'src', `${app}.module.ts`)));
    expect(services.length).toBeGreaterThanOrEqual(4);
    const offenders = services.flatMap((app) => {
      const rootModule = path.join(root, 'apps', app, 'src', `${app}.module.ts`);
      return importsOf(rootModule)
        .filter((target) => /\.(controller|handler|reader|use-case)$/.test(target))
        .map((target) => `${path.relative(root, rootModule)} → ${target}`);
    });
    expect(offenders).toEqual([]);
  });

  it('use cases take commands (*.command.ts), not the HTTP layer’s DTO classes', () => {
    const useCases = sourceFiles(path.join(root, 'apps')).filter((file) => file.endsWith('.use-case.ts'));
    const takingDtos = useCases
      .filter((file) =>
        [...readFileSync(file, 'utf8').matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']*\.dto'/g)].some(
          // A use case may answer with a view declared beside the DTOs; what it takes must not be a DTO.
          ([, names]) => names.split(',').some((name) => name.trim() !== '' && !/View$/.test(name.trim())),
        ),
      )
      .map((file) => path.relative(root, file))
      .sort();
    expect(takingDtos).toEqual([]);
  });
});
