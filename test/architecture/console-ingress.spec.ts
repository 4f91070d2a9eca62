import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { upstreamRoutes } from '../../apps/edge/src/upstream-routes';

/** The Kubernetes Ingress routes the console's origin exactly as the edge does locally (one route table). */
const root = path.resolve(__dirname, '../..');

interface IngressPath {
  path: string;
  pathType: string;
  backend: { service: { name: string; port: { number: number } } };
}
interface Ingress {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { rules: { host: string; http: { paths: IngressPath[] } }[] };
}

const ingresses = parseAllDocuments(
  readFileSync(path.join(root, 'deploy/k8s/base/ingress/console-ingress.yaml'), 'utf8'),
).map((document) => document.toJSON() as Ingress);
const byName = (name: string) => ingresses.find((ingress) => ingress.metadata.name === name) as Ingress;
const pathsOf = (ingress: Ingress) => ingress.spec.rules.flatMap((rule) => rule.http.paths);

describe('the console Ingress', () => {
  it("routes /api/<service>/ to each service of the edge's route table on its port, and nothing else", () => {
    const routed = pathsOf(byName('gridline-console-api')).map((entry) => [
      entry.path,
      entry.backend.service.name,
      entry.backend.service.port.number,
    ]);
    expect(routed).toEqual(
      upstreamRoutes.map((route) => [`${route.prefix}(/|$)(.*)`, route.service, route.defaultPort]),
    );
  });

  it('strips the prefix as the edge does and streams (no buffering) for the feed', () => {
    const annotations = byName('gridline-console-api').metadata.annotations ?? {};
    expect(annotations['nginx.ingress.kubernetes.io/rewrite-target']).toBe('/$2');
    expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
    expect(Object.keys(annotations).filter((name) => name.includes('cors'))).toEqual([]);
  });

  it('serves everything else from the console on the same host', () => {
    const console = byName('gridline-console');
    expect(pathsOf(console)).toEqual([
      { path: '/', pathType: 'Prefix', backend: { service: { name: 'gridline-console', port: { number: 8080 } } } },
    ]);
    expect(new Set(ingresses.flatMap((ingress) => ingress.spec.rules.map((rule) => rule.host))).size).toBe(1);
  });
});
