/**
 * GeoReport v2's XML format: the same documents as its JSON, an element per field, a list as a plural element
 * holding one singular element per item (`<services><service>…</service></services>`), an empty element for a
 * missing value. Pure: the routes answer `.xml` by passing their JSON-shaped answer through `toOpen311Xml`.
 */
const itemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  media_urls: 'media_url',
};

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

function element(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => element(key, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** The document `root` (e.g. `services`, `service_requests`, `errors`) holding `value`, with the XML declaration. */
export function toOpen311Xml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}
