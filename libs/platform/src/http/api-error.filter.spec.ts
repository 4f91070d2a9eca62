import { ArgumentsHost } from '@nestjs/common';
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

  it('still hides an unexpected server error behind a 500', () => {
    expect(answer(Object.assign(new Error('db down'), { status: 503 }))).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(answer(new Error('boom')).status).toBe(500);
  });
});
