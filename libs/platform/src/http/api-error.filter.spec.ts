import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { ApiErrorFilter } from './api-error.filter';

/** Answers an exception through the filter and returns what the client would get. */
function answer(exception: unknown): { status: number; body: { statusCode: number; code: string } } {
  const sent: { status: number; body: { statusCode: number; code: string } } = { status: 0, body: { statusCode: 0, code: '' } };
  const response = { status: (status: number) => ((sent.status = status), { json: (body: typeof sent.body) => (sent.body = body) }) };
  new ApiErrorFilter().catch(exception, { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost);
  return sent;
}

/** The shape body-parser (http-errors) gives its errors. */
const bodyParserError = (status: number, type: string) => Object.assign(new Error(`refused: ${type}`), { status, statusCode: status, expose: true, type });

describe('ApiErrorFilter', () => {
  it('answers a body over the parser limit with 413 PAYLOAD_TOO_LARGE, not a 500', () => {
    expect(answer(bodyParserError(413, 'entity.too.large'))).toMatchObject({ status: 413, body: { statusCode: 413, code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers an unsupported charset with 415 and other parser refusals with 400', () => {
    expect(answer(bodyParserError(415, 'charset.unsupported')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer(bodyParserError(400, 'request.size.invalid'))).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST' } });
  });

  it('answers a body that is not JSON, or not in a supported encoding, with a 4xx and a stable code', () => {
    const notJson = Object.assign(new SyntaxError('Unexpected token } in JSON at position 1'), { status: 400, statusCode: 400, expose: true, type: 'entity.parse.failed' });
    expect(answer(notJson)).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST' } });
    // What Nest makes of the same SyntaxError (and of a URIError from a path) before the filter sees it.
    expect(answer(new BadRequestException('Unexpected token } in JSON at position 1'))).toMatchObject({ status: 400, body: { code: 'MALFORMED_REQUEST' } });
    expect(answer(bodyParserError(415, 'encoding.unsupported')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer(bodyParserError(413, 'parameters.too.many')).body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('still hides an unexpected server error behind a 500', () => {
    expect(answer(Object.assign(new Error('db down'), { status: 503 }))).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
