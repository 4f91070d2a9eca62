/**
 * Query parameters that may carry a secret or a resident's contact: the feed's `access_token` (EventSource cannot
 * send a header), an Open311 `api_key`, and the contact fields Open311 accepts. Their values never reach a log.
 */
const sensitiveParameter = /token|key|secret|password|phone|email|first_name|last_name|device_id|account_id/i;

/** The URL as it may be logged: the path kept, the values of sensitive query parameters replaced. */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the raw name
      }
      return equals >= 0 && sensitiveParameter.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart)}?${query}`;
}

/**
 * Object paths pino censors wherever a log call passes them: tokens and passwords, and residents' contact
 * details. Request bodies and headers are never logged (the HTTP serialisers keep method and URL only); this
 * list is the second line for a log call that passes such an object by mistake.
 */
export const redactedLogPaths: readonly string[] = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  'apiKey',
  '*.apiKey',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'reporter',
  '*.reporter',
  'contact',
  '*.contact',
];
