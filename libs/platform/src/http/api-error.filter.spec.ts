import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { ApiErrorFilter } from './api-error.filter';

/** Answers an exception through the filter and returns what the client would get. */
function answer(
  exception: unknown,
  filter = new ApiErrorFilter(),
  path = '/v1/anything',
): { status: number; body: { statusCode: number; code: string; message?: string }; headers: Record<string, string> } {
  const sent: { status: number; body: { statusCode: number; code: string }; headers: Record<string, string> } = {
    status: 0,
    body: { statusCode: 0, code: '' },
    headers: {},
  };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (status: number) => ((sent.status = status), response),
    json: (body: typeof sent.body) => (sent.body = body),
    type: (mediaType: string) => ((sent.headers['content-type'] = mediaType), response),
    send: (document: string) => (sent.body = document as unknown as typeof sent.body),
  };
  filter.catch(exception, {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ path }) }),
  } as unknown as ArgumentsHost);
  return sent;
}

/** The shape body-parser (http-errors) gives its errors. */
const bodyParserError = (status: number, type: string) =>
  Object.assign(new Error(`refused: ${type}`), { status, statusCode: status, expose: true, type });

describe('ApiErrorFilter', () => {
  it("answers in a path's own error format where one is given, and in the platform's everywhere else", () => {
    const open311 = new ApiErrorFilter(2, [
      {
        paths: /^\/open311\//,
        render: (b) => ({ json: [{ code: b.statusCode, description: `${b.code}: ${b.message}` }] }),
      },
    ]);
    const tooLarge = bodyParserError(413, 'entity.too.large');
    expect(answer(tooLarge, open311, '/open311/v2/requests.json')).toMatchObject({
      status: 413,
      body: [{ code: 413, description: 'PAYLOAD_TOO_LARGE: the request body was refused — refused: entity.too.large' }],
    });
    expect(answer(tooLarge, open311, '/v1/tenants/erqi/issues')).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('sends a document with its media type where the path format renders one (Open311 XML)', () => {
    const xml = new ApiErrorFilter(2, [
      {
        paths: /\.xml$/,
        render: (b, request) => ({
          mediaType: 'application/xml',
          document: `<error path="${request.path}">${b.code}</error>`,
        }),
      },
    ]);
    expect(answer(bodyParserError(413, 'entity.too.large'), xml, '/open311/v2/requests.xml')).toEqual({
      status: 413,
      headers: { 'content-type': 'application/xml' },
      body: '<error path="/open311/v2/requests.xml">PAYLOAD_TOO_LARGE</error>',
    });
  });

  it('answers a body over the parser limit with 413 PAYLOAD_TOO_LARGE, not a 500', () => {
    expect(answer(bodyParserError(413, 'entity.too.large'))).toMatchObject({
      status: 413,
      body: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  it('answers an unsupported charset with 415 and other parser refusals with 400', () => {
    expect(answer(bodyParserError(415, 'charset.unsupported')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer(bodyParserError(400, 'request.size.invalid'))).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
  });

  it('answers a body that is not JSON, or not in a supported encoding, with a 4xx and a stable code', () => {
    const notJson = Object.assign(new SyntaxError('Unexpected token } in JSON at position 1'), {
      status: 400,
      statusCode: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(answer(notJson)).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST' } });
    // What Nest makes of the same SyntaxError (and of a URIError from a path) before the filter sees it.
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 1'))).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
    expect(answer(bodyParserError(415, 'encoding.unsupported')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer(bodyParserError(413, 'parameters.too.many')).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  describe('a dependency outage is 503 DEPENDENCY_UNAVAILABLE with Retry-After, not a 500', () => {
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL' });
    /** What TypeORM throws for a failed query: the driver's error inside. */
    const queryFailed = (driverError: Error) =>
      Object.assign(new Error(driverError.message), {
        name: 'QueryFailedError',
        driverError,
        code: (driverError as Error & { code?: string }).code,
      });
    it.each([
      ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
      ['connection terminated', new Error('Connection terminated unexpectedly')],
      [
        'a terminated backend (57P01)',
        queryFailed(pgError('57P01', 'terminating connection due to administrator command')),
      ],
      [
        'a crash shutdown (57P02)',
        pgError('57P02', 'terminating connection because of crash of another server process'),
      ],
      ['a server starting up (57P03)', pgError('57P03', 'the database system is starting up')],
      ['too many connections (53300)', pgError('53300', 'sorry, too many clients already')],
      ['a connection exception (class 08)', pgError('08006', 'connection failure')],
      [
        'a database closed to connections',
        pgError('55000', 'database "gridline_t1" is not currently accepting connections'),
      ],
      ['Redis offline', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
      ['Redis connection closed', new Error('Connection is closed.')],
      [
        'a refusal wrapped as a cause',
        new Error('pool failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }),
      ],
    ])('%s', (_name, error) => {
      const sent = answer(error);
      expect(sent).toMatchObject({
        status: 503,
        body: { statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' },
        headers: { 'Retry-After': '2' },
      });
      expect(sent.body.message).toMatch(/same Idempotency-Key/);
    });

    it('keeps a database refusal of the request itself a 500 (a bug, not an outage)', () => {
      expect(answer(queryFailed(pgError('23505', 'duplicate key value violates unique constraint'))).status).toBe(500);
      expect(answer(pgError('55000', 'cannot execute UPDATE in a read-only transaction')).status).toBe(500);
    });

    it('uses the configured Retry-After', () => {
      expect(
        answer(new Error('Connection terminated unexpectedly'), new ApiErrorFilter(7)).headers['Retry-After'],
      ).toBe('7');
    });
  });

  it('still hides an unexpected server error behind a 500', () => {
    expect(answer(Object.assign(new Error('db down'), { status: 503 }))).toMatchObject({
      status: 500,
      body: { code: 'INTERNAL' },
    });
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
