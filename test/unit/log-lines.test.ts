import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { caseReferenceOf, createLogger, requestIdOf, temporalLogger } from '../../libs/observability/src';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => { chunks.push(chunk.toString()); done(); } });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('log lines', () => {
  it("a worker's activity line carries the SDK's ids, and the case reference under the API's name for it", () => {
    const { stream, lines } = capture();
    const logger = temporalLogger(createLogger('info', stream));
    logger.warn('mail server refused the alert; retrying', { workflowId: 'ASB-2026-000123', runId: 'r1', activityType: 'sendNotice', attempt: 2, sdkComponent: 'activity' });
    logger.debug('below the level', { workflowId: 'ASB-2026-000123' });
    logger.info('digest sent', { workflowId: 'manager-digest', workflowType: 'managerDigestWorkflow' });
    const [alert, digest, ...rest] = lines();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ level: 'warn', msg: 'mail server refused the alert; retrying', workflowId: 'ASB-2026-000123', caseReference: 'ASB-2026-000123', runId: 'r1', activityType: 'sendNotice', attempt: 2 });
    expect(typeof alert!.time).toBe('string');
    // A workflow that is not a case's has no case reference.
    expect(digest).toMatchObject({ level: 'info', workflowId: 'manager-digest' });
    expect(digest).not.toHaveProperty('caseReference');
  });

  it('never writes a bearer token or an API key', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).info({ req: { headers: { authorization: 'Bearer eyJ.secret' } }, apiKey: 'tcld-key' }, 'request');
    expect(JSON.stringify(lines())).not.toMatch(/eyJ\.secret|tcld-key/);
  });

  it("a request's case reference comes from a case's path only", () => {
    expect(caseReferenceOf('/cases/ASB-2026-000123/incidents')).toBe('ASB-2026-000123');
    expect(caseReferenceOf('/cases/ASB-2026-000123?fields=x')).toBe('ASB-2026-000123');
    expect(caseReferenceOf('/cases?team=north')).toBeUndefined();
    expect(caseReferenceOf('/cases/not-a-reference')).toBeUndefined();
  });

  it("keeps a caller's plain request id, replaces anything else, and echoes it", () => {
    const idOf = (given?: string) => {
      const headers: Record<string, string> = {};
      const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
      const id = requestIdOf({ headers: given === undefined ? {} : { 'x-request-id': given } } as IncomingMessage, response);
      expect(headers['X-Request-Id']).toBe(id);
      return id;
    };
    expect(idOf('lb-7f3a9c.1')).toBe('lb-7f3a9c.1');
    expect(idOf()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(idOf('two words\nand a newline')).not.toBe('two words\nand a newline');
    expect(idOf('x'.repeat(129))).toHaveLength(36);
  });
});
