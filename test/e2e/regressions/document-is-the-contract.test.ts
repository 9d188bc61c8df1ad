import { COMMAND_ROUTES } from '../../../apps/api/src/cases/commands/command-routes';
import { http } from '../../support/http';
import type { OpenApiDocument } from '../../support/openapi-conformance';
import { type ApiClient, NORTH_OFFICER } from '../../support/service';
import { type E2eWorld, startE2eWorld } from '../../support/e2e-world';
import { NOISE_DISPUTE } from '../../support/case-requests';
import { aboutOtherPeople } from '../../support/distinct-reports';

/**
 * What an outside fuzzer (schemathesis, issue 11) found where the API and its OpenAPI document
 * disagreed, each fixed so that a client built from /docs is not refused, and each kept here.
 */
const incident = (description: string) => ({ occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description });

type Parameter = { name: string; in: string; required?: boolean; schema?: Record<string, unknown> };

describe('the API does what its OpenAPI document says (regressions from the fuzzer)', () => {
  let world: E2eWorld;
  let officer: ApiClient;
  let admin: ApiClient;
  let document: OpenApiDocument;
  const parametersOf = (path: string, method: string) => ((document.paths?.[path]?.[method] as { parameters?: Parameter[] }).parameters ?? []);

  beforeAll(async () => {
    world = await startE2eWorld('asb-document-contract');
    officer = await world.service.client(NORTH_OFFICER);
    admin = await world.service.client({ sub: 'admin', roles: ['admin'] });
    document = (await http<OpenApiDocument>(world.service.baseUrl, 'GET', '/openapi.json')).body;
  });

  afterAll(() => world?.stop());

  describe('If-Match (RFC 9110 §13.1.1), before: a list of entity tags was refused as 400', () => {
    let reference: string;
    let etag: string;

    beforeEach(async () => {
      const opened = await officer('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
      reference = opened.body.reference;
      etag = opened.headers.get('etag')!;
    });

    const record = (ifMatch: string, description = 'Music until 2am.') => officer('POST', `/cases/${reference}/incidents`, { body: incident(description), headers: { 'If-Match': ifMatch } });

    it('acts when any entity tag of a list names the case’s version', async () => {
      const version = Number(JSON.parse(etag));
      const acted = await record(`"${version - 1}", ${etag}, "${version + 5}"`);
      expect(acted.status).toBe(200);
      expect(acted.body.version).toBe(version + 1);
      expect(acted.headers.get('etag')).toBe(`"${version + 1}"`);
    });

    it('refuses with 409 CONCURRENT_CHANGE when no entity tag of the list names it, and changes nothing', async () => {
      const version = Number(JSON.parse(etag));
      const refused = await record(`"${version + 1}", "${version + 2}"`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ condition: 'CONCURRENT_CHANGE', detail: `the command was based on version ${version + 1} or ${version + 2}, and the case is now at version ${version}: reload it and try again` });
      expect((await officer('GET', `/cases/${reference}`)).body.version).toBe(version);
    });

    it('acts on the case as it is with *, which matches any case that exists', async () => {
      const acted = await record('*');
      expect(acted.status).toBe(200);
      expect(acted.body.version).toBe(Number(JSON.parse(etag)) + 1);
      const missing = await officer('POST', '/cases/ASB-2026-999999/incidents', { body: incident('Music until 2am.'), headers: { 'If-Match': '*' } });
      expect(missing.status).toBe(404);
    });

    it('compares strongly: a weak entity tag of the current version matches nothing', async () => {
      const refused = await record(`W/${etag}`);
      expect(refused.status).toBe(409);
      expect(refused.body.condition).toBe('CONCURRENT_CHANGE');
    });

    it('refuses what is not If-Match syntax with 400 naming the header, as the documented pattern says', async () => {
      const refused = await record('12');
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ field: 'If-Match', message: 'must be * or one or more entity tags, e.g. "12" or "11", "12"' }]);
      const ifMatch = parametersOf('/cases/{reference}/incidents', 'post').find((parameter) => parameter.name === 'If-Match');
      const pattern = new RegExp(String(ifMatch?.schema?.pattern));
      expect(['*', '"3"', '"3", "4"', 'W/"3"', '"3",W/"4"'].filter((value) => pattern.test(value))).toHaveLength(5);
      expect(['12', '"3",', '', '"a b"'].filter((value) => pattern.test(value))).toEqual([]);
    });
  });

  describe('a method the path does not declare, before: 404 as if the path did not exist', () => {
    const outside = { outsideOpenApi: { reason: 'a method the document does not declare on this path, which is the point' } };

    it('answers 405 with Allow listing the declared methods, as problem+json', async () => {
      const token = await world.service.tokenFor(NORTH_OFFICER);
      const deleted = await http(world.service.baseUrl, 'DELETE', '/cases/ASB-2026-000001', { headers: { authorization: `Bearer ${token}` }, ...outside });
      expect(deleted.status).toBe(405);
      expect(deleted.headers.get('allow')).toBe('GET, HEAD');
      expect(deleted.headers.get('content-type')).toContain('application/problem+json');
      expect(deleted.body).toMatchObject({ status: 405, title: 'Method not allowed', detail: '/cases/ASB-2026-000001 answers GET, HEAD, not DELETE' });

      const put = await http(world.service.baseUrl, 'PUT', '/cases', { body: NOISE_DISPUTE, ...outside });
      expect({ status: put.status, allow: put.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, POST, HEAD' });
      const patch = await http(world.service.baseUrl, 'PATCH', '/cases/ASB-2026-000001/incidents', { body: {}, ...outside });
      expect({ status: patch.status, allow: patch.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
    });

    it('still answers 404 for a path the API does not have', async () => {
      const unknown = await http(world.service.baseUrl, 'DELETE', '/nowhere', { outsideOpenApi: { reason: 'a path the document does not have' } });
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('allow')).toBeNull();
    });
  });

  describe('GET /forums/{forum}/meetings, before: `limit` documented as required, and read with Number() and clamped', () => {
    it('documents limit as an optional integer of 1 to 100 with its default, 12', () => {
      expect(parametersOf('/forums/{forum}/meetings', 'get').find((parameter) => parameter.name === 'limit')).toEqual({
        name: 'limit',
        in: 'query',
        required: false,
        description: 'How many meetings, latest first.',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 12 },
      });
    });

    it('answers without limit, and refuses a limit the document does not allow with 400 naming it', async () => {
      expect((await admin('GET', '/forums/MAG/meetings')).status).toBe(200);
      expect((await admin('GET', '/forums/MAG/meetings?limit=100')).status).toBe(200);
      for (const limit of ['0', '101', 'ten', '1.5', ' 5', '0x10']) {
        const refused = await admin('GET', `/forums/MAG/meetings?limit=${encodeURIComponent(limit)}`);
        expect({ limit, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({ limit, status: 400, field: 'limit' });
      }
    });
  });

  describe('GET /statistics, before: `from` and `to` required by the server but absent from the document', () => {
    it('documents from and to as required dates', () => {
      const parameters = parametersOf('/statistics', 'get').map(({ name, in: where, required, schema }) => ({ name, in: where, required, format: schema?.format }));
      expect(parameters).toEqual([
        { name: 'from', in: 'query', required: true, format: 'date' },
        { name: 'to', in: 'query', required: true, format: 'date' },
      ]);
    });

    it('refuses a request without from with 400 naming it, and answers one with both', async () => {
      const refused = await admin('GET', '/statistics?to=2027-01-01');
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['from']);
      expect((await admin('GET', '/statistics?from=2026-01-01&to=2027-01-01')).status).toBe(200);
    });
  });

  describe('documented constraints, before: enforced by the server but not stated', () => {
    it('states the Idempotency-Key’s length on every POST below a case, and the If-Match syntax on every command', () => {
      const posts = Object.entries(document.paths ?? {}).filter(([path, item]) => path.startsWith('/cases/{reference}/') && item.post !== undefined);
      const commands = new Set(COMMAND_ROUTES.map((route) => `/cases/{reference}/${route.path.replace(/:(\w+)/g, '{$1}')}`));
      expect(posts.length).toBeGreaterThan(commands.size);
      for (const [path] of posts) {
        const headers = Object.fromEntries(parametersOf(path, 'post').filter((parameter) => parameter.in === 'header').map((parameter) => [parameter.name, parameter.schema]));
        expect({ path, key: headers['Idempotency-Key']?.maxLength }).toEqual({ path, key: 200 });
        // If-Match names the case version a change is based on; generating a document changes no case.
        if (commands.has(path)) expect({ path, ifMatch: typeof headers['If-Match']?.pattern }).toEqual({ path, ifMatch: 'string' });
      }
    });

    it('documents every error response as application/problem+json (it was application/json for every 401)', () => {
      const responses = (document.paths?.['/cases/{reference}']?.get as { responses: Record<string, { content?: Record<string, unknown> }> }).responses;
      expect(Object.keys(responses['401']!.content!)).toEqual(['application/problem+json']);
      expect(Object.keys(responses['200']!.content!)).toEqual(['application/json']);
    });

    it('documents the 404 of an agency that does not exist, and a cursor it did not give out as 422', async () => {
      const unknown = await admin('GET', '/agencies/NOT-AN-AGENCY/actions');
      expect(unknown.status).toBe(404);
      const cursor = await admin('GET', '/cases?cursor=0');
      expect(cursor.status).toBe(422);
      expect(cursor.body.errors).toEqual([{ field: 'cursor', message: 'the cursor is not one this API gave out' }]);
    });
  });
});
