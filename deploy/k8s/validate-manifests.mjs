#!/usr/bin/env node
/**
 * Renders each overlay of deploy/k8s with `kubectl kustomize` and validates every object against its schema:
 * Kubernetes, CloudNativePG, KEDA and Prometheus-operator kinds with the JSON schemas the kubernetes-models packages
 * ship; Strimzi kinds (no such package exists) against strimzi-schemas.json, the subset of Strimzi's CRDs these
 * manifests use. No cluster and no network.
 *
 *   node deploy/k8s/validate-manifests.mjs [overlay…]       # all overlays when none is named; exit 1 on a problem
 *   node deploy/k8s/validate-manifests.mjs --json [overlay…] # {"overlays": {name: {objects, problems}}}
 *   … --stdin                                                 # validate the YAML documents on standard input instead
 *
 * kubectl: $KUBECTL, else the one on PATH, else Debian's kubernetes-client installed with apt-get (kubectl 1.20,
 * kustomize v2.0.3 — the manifests keep to what that version understands; ADR 0026).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const overlaysDir = path.join(here, 'overlays');

function onPath(command) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, command))
    .find((file) => existsSync(file));
}

export function findKubectl() {
  if (process.env.KUBECTL) {
    if (!existsSync(process.env.KUBECTL)) throw new Error(`KUBECTL=${process.env.KUBECTL} does not exist`);
    return process.env.KUBECTL;
  }
  const found = onPath('kubectl');
  if (found) return found;
  process.stderr.write('k8s: no kubectl on PATH; installing Debian kubernetes-client with apt-get (once)\n');
  const aptGet = (args) =>
    spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  let result = aptGet(['install', '-y', 'kubernetes-client']);
  if (result.status !== 0) {
    aptGet(['update']);
    result = aptGet(['install', '-y', 'kubernetes-client']);
  }
  const installed = onPath('kubectl');
  if (!installed) {
    const why = (result.stderr || result.error?.message || `exit ${result.status}`)
      .trim()
      .split('\n')
      .slice(-2)
      .join(' / ');
    throw new Error(`k8s: could not install kubernetes-client with apt-get (${why}); install kubectl or set KUBECTL`);
  }
  return installed;
}

export function render(overlay, kubectl = findKubectl()) {
  const result = spawnSync(kubectl, ['kustomize', path.join(overlaysDir, overlay)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${overlay} failed: ${(result.stderr || result.error?.message || '').trim()}`);
  return parseDocuments(result.stdout);
}

export function parseDocuments(text) {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`YAML: ${document.errors[0].message}`);
      return document.toJSON();
    })
    .filter((object) => object !== null && object !== undefined);
}

const packageOfGroup = {
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'keda.sh': '@kubernetes-models/keda',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const specifier =
    group === ''
      ? `kubernetes-models/${version}/${kind}`
      : packageOfGroup[group]
        ? `${packageOfGroup[group]}/${group}/${version}/${kind}`
        : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    const module = await import(specifier);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

const strimzi = JSON.parse(readFileSync(path.join(here, 'strimzi-schemas.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const strimziValidators = Object.fromEntries(
  Object.entries(strimzi.kinds).map(([kind, schema]) => [
    kind,
    ajv.compile({ ...schema, definitions: strimzi.definitions }),
  ]),
);

/** Problems of one object, as `Kind/name: message` lines; empty when it is valid. */
export async function validateObject(object) {
  const where = `${object?.kind ?? '?'}/${object?.metadata?.name ?? '?'}`;
  if (!object || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string')
    return [`${where}: apiVersion and kind are required`];
  if (!object.metadata?.name) return [`${where}: metadata.name is required`];
  if (object.apiVersion === strimzi.apiVersion) {
    const validate = strimziValidators[object.kind];
    if (!validate) return [`${where}: no Strimzi schema for kind ${object.kind}`];
    return validate(object)
      ? []
      : validate.errors.map((error) => `${where}: ${error.instancePath || '/'} ${error.message}`);
  }
  const Model = await modelOf(object.apiVersion, object.kind);
  if (!Model) return [`${where}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${where}: ${error.message}`];
  }
}

export function overlayNames() {
  return readdirSync(overlaysDir)
    .filter((name) => existsSync(path.join(overlaysDir, name, 'kustomization.yaml')))
    .sort();
}

async function main(argv) {
  const json = argv.includes('--json');
  const fromStdin = argv.includes('--stdin');
  const named = argv.filter((arg) => !arg.startsWith('--'));
  const report = { overlays: {} };
  const sources = fromStdin
    ? [['stdin', () => parseDocuments(readFileSync(0, 'utf8'))]]
    : (named.length > 0 ? named : overlayNames()).map((name) => [name, () => render(name)]);
  for (const [name, load] of sources) {
    const objects = load();
    const problems = (await Promise.all(objects.map(validateObject))).flat();
    report.overlays[name] = { objects, problems };
  }
  const failed = Object.values(report.overlays).some((overlay) => overlay.problems.length > 0);
  if (json) process.stdout.write(JSON.stringify(report));
  else
    for (const [name, overlay] of Object.entries(report.overlays)) {
      process.stdout.write(`${name}: ${overlay.objects.length} objects, ${overlay.problems.length} problems\n`);
      for (const problem of overlay.problems) process.stdout.write(`  ${problem}\n`);
    }
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  });
}
