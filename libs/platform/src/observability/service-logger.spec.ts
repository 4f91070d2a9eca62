import pino from 'pino';
import { jsonLinesSink } from '@gridline/testing';
import { enrichLogContext, runWithLogContext } from './log-context';
import { createServiceLogger, pinoLevelOf } from './service-logger';

/** The service logger in JSON mode, writing to memory. */
function capture(logLevel: 'log' | 'debug' = 'log'): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const { sink, lines } = jsonLinesSink();
  return { logger: createServiceLogger({ serviceName: 'issue-dispatch', logLevel, logFormat: 'json' }, sink), lines };
}

describe('service logs', () => {
  it('map LOG_LEVEL names onto pino levels', () => {
    expect(pinoLevelOf).toEqual({ error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' });
  });

  it('carry the tenant, correlation and trace of the unit of work on every line, across awaits', async () => {
    const { logger, lines } = capture();
    await runWithLogContext(
      { tenant: 'erqi', correlationId: 'c-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.info('inside');
      },
    );
    logger.info('outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({
      service: 'issue-dispatch',
      tenant: 'erqi',
      correlationId: 'c-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      msg: 'inside',
      level: 'info',
    });
    expect(outside).toEqual(expect.objectContaining({ service: 'issue-dispatch', msg: 'outside' }));
    expect(outside).not.toHaveProperty('tenant');
    expect(outside).not.toHaveProperty('correlationId');
  });

  it("gain a timer's case correlation when the handler learns it, but keep a request's own", () => {
    const { logger, lines } = capture();
    runWithLogContext({ tenant: 'erqi', aggregateId: 'issue-1' }, () => {
      enrichLogContext({ correlationId: 'case-correlation' });
      logger.info('timer');
    });
    runWithLogContext({ tenant: 'erqi', correlationId: 'request-correlation' }, () => {
      enrichLogContext({ correlationId: 'case-correlation' });
      logger.info('request');
    });
    expect(lines().map((line) => [line.msg, line.correlationId])).toEqual([
      ['timer', 'case-correlation'],
      ['request', 'request-correlation'],
    ]);
  });

  it('honour LOG_LEVEL: debug lines only when asked for', () => {
    const quiet = capture('log');
    quiet.logger.debug('hidden');
    quiet.logger.info('shown');
    expect(quiet.lines().map((line) => line.msg)).toEqual(['shown']);
    const chatty = capture('debug');
    chatty.logger.debug('shown');
    expect(chatty.lines().map((line) => line.msg)).toEqual(['shown']);
  });

  it('write ISO times and level names, one JSON object a line', () => {
    const { logger, lines } = capture();
    logger.warn('careful');
    expect(lines()[0]).toMatchObject({ level: 'warn', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('censor tokens, passwords and contact details passed to a log call by mistake', () => {
    const { logger, lines } = capture();
    logger.info(
      { headers: { authorization: 'Bearer secret' }, reporter: { name: 'Li', phone: '13800000000' }, password: 'p' },
      'careless',
    );
    const [line] = lines();
    expect(JSON.stringify(line)).not.toMatch(/secret|13800000000|"p"/);
    expect(line).toMatchObject({
      headers: { authorization: '[redacted]' },
      reporter: '[redacted]',
      password: '[redacted]',
    });
  });
});
