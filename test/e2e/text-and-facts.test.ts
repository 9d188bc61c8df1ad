import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { http } from '../support/http';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { NOISE_DISPUTE } from '../support/case-requests';
import { aboutOtherPeople } from '../support/distinct-reports';


interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Text that PostgreSQL, mail and browsers can hold, and facts that can be true, are checked at the
 * door: a bad field is refused naming it, and nothing of the request is acted on.
 */
describe('text and facts a request may carry', () => {
  let world: E2eWorld;
  let api: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld('asb-text-and-facts');
    api = await world.service.client(NORTH_OFFICER);
  });

  afterAll(() => world?.stop());

  const caseCount = async () => (await api('GET', '/cases?limit=200')).body.items.length as number;

  it('refuses a NUL character in the caseworker with 400 naming the field, and opens nothing', async () => {
    const before = await caseCount();
    const report = aboutOtherPeople(NOISE_DISPUTE);
    const refused = await api('POST', '/cases', { body: { ...report, caseworker: 'amira\u0000.khan' }, headers: { 'Idempotency-Key': 'nul-caseworker' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual<FieldError[]>([
      { field: 'caseworker', message: 'contains a control character (U+0000) at character 6; text may hold tabs and line breaks, but no other control characters' },
    ]);
    expect(await caseCount()).toBe(before);

    // The key was not used up by the refusal: the corrected request opens the case.
    const corrected = await api('POST', '/cases', { body: report, headers: { 'Idempotency-Key': 'nul-caseworker' } });
    expect(corrected.status).toBe(201);
  });

  it('refuses an unpaired surrogate or an escape character in a party’s name, naming the party', async () => {
    const refused = await api('POST', '/cases', {
      body: { ...NOISE_DISPUTE, complainants: [{ id: 'c1', name: 'Pat \uD83D Lee' }], subjects: [{ id: 's1', name: 'Jordan\u001b[31m Reed' }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: FieldError) => error.field)).toEqual(['complainants.0.name', 'subjects.0.name']);
    expect(refused.body.errors[0].message).toMatch(/^contains an unpaired surrogate \(U\+D83D\) at character 5/);
    expect(refused.body.errors[1].message).toMatch(/^contains a control character \(U\+001B\) at character 7/);
  });

  it('refuses a control character in a command’s text and in the Idempotency-Key, and leaves the case as it was', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    const reference: string = opened.body.reference;

    const badNote = await api('POST', `/cases/${reference}/initial-contact`, { body: { summary: 'Phoned Pat.\u0000' } });
    expect(badNote.status).toBe(400);
    expect(badNote.body.errors).toEqual([expect.objectContaining({ field: 'summary', message: expect.stringMatching(/U\+0000/) })]);

    const badKey = await api('POST', `/cases/${reference}/initial-contact`, { body: { summary: 'Phoned Pat.' }, headers: { 'Idempotency-Key': 'key\u00851' } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key', message: expect.stringMatching(/U\+0085/) })]);

    const after = await api('GET', `/cases/${reference}`);
    expect(after.body.version).toBe(opened.body.version);
  });

  it('refuses a name of spaces alone as blank, and a summary that is short once trimmed', async () => {
    const refused = await api('POST', '/cases', { body: { ...NOISE_DISPUTE, summary: '   Noisy.         ', subjects: [{ id: 's1', name: ' \t ' }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual<FieldError[]>([
      { field: 'summary', message: 'must have at least 10 characters, not counting spaces at either end' },
      { field: 'subjects.0.name', message: 'must not be blank' },
    ]);
  });

  it('keeps tabs, line breaks and emoji, stores names in one spelling (NFC), and finds them by it', async () => {
    const decomposed = 'Zoe\u0308 Kowalska';
    const opened = await api('POST', '/cases', {
      body: { ...aboutOtherPeople(NOISE_DISPUTE), summary: 'Music until 2am.\r\nDoor slamming 😠\tmost nights.', complainants: [{ id: 'c1', name: `  ${decomposed} ` }] },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.summary).toBe('Music until 2am.\r\nDoor slamming 😠\tmost nights.');
    const admin = await world.service.client({ sub: 'admin', name: 'Service Admin', roles: ['admin'] });
    const access = await admin('GET', `/subject-access?name=${encodeURIComponent('Zoë Kowalska')}`);
    expect(access.status).toBe(200);
    expect(JSON.stringify(access.body)).toContain('Zoë Kowalska');
    expect(JSON.stringify(access.body)).not.toContain(decomposed);
  });

  it('refuses a date of birth in the future or over 120 years ago with 422 naming the subject', async () => {
    const refused = await api('POST', '/cases', {
      body: { ...NOISE_DISPUTE, subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '3951-07-14' }, { id: 's2', name: 'Kim Reed', dateOfBirth: '0211-07-14' }] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toBe('https://asb-case-service.example/problems/implausible');
    expect(refused.body.errors).toEqual<FieldError[]>([
      { field: 'subjects.0.dateOfBirth', message: 'is in the future' },
      { field: 'subjects.1.dateOfBirth', message: 'is more than 120 years ago; check the year' },
    ]);
  });

  it('refuses a fact of the case dated before 1900 with 422, and a malformed date with 400', async () => {
    const opened = await api('POST', '/cases', { body: aboutOtherPeople(NOISE_DISPUTE) });
    const reference: string = opened.body.reference;
    const ancient = await api('POST', `/cases/${reference}/incidents`, { body: { occurredAt: '0211-11-21T23:40:00Z', description: 'Loud music until 2am.' } });
    expect(ancient.status).toBe(422);
    expect(ancient.body.errors).toEqual<FieldError[]>([{ field: 'occurredAt', message: 'is before 1900; check the year' }]);

    const conviction = await api('POST', `/cases/${reference}/convictions`, { body: { subjectId: 's1', offence: 'Criminal damage', convictedOn: '1899-12-31' } });
    expect(conviction.status).toBe(422);
    expect(conviction.body.errors).toEqual<FieldError[]>([{ field: 'convictedOn', message: 'is before 1900; check the year' }]);

    // A malformed date and an impossible one together: the form is what is wrong first, so 400 with both.
    const both = await api('POST', '/cases', { body: { ...NOISE_DISPUTE, summary: 'x', subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '3951-07-14' }] } });
    expect(both.status).toBe(400);
    expect(both.body.errors.map((error: FieldError) => error.field)).toEqual(['summary', 'subjects.0.dateOfBirth']);
  });

  it('states the plain-text rule on every text a request can carry, so that a client built from the document sends nothing refused', async () => {
    const document = (await http(world.service.baseUrl, 'GET', '/openapi.json')).body;
    const unguarded = textsWithoutPlainTextRule(document);
    expect(unguarded).toEqual([]);
  });
});

/**
 * Every string schema a request can carry (body, query, header, path) holds a `format`, an `enum` or
 * `const`, or a pattern that refuses a NUL character: where none does, the API would take text
 * PostgreSQL cannot store.
 */
function textsWithoutPlainTextRule(document: any): string[] {
  const found: string[] = [];
  const resolve = (schema: any): any => (schema?.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()]) : schema);
  const visit = (raw: any, where: string, seen: Set<unknown>): void => {
    const schema = resolve(raw);
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    const inner = new Set(seen).add(schema);
    const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part: any) => part.pattern)].filter(Boolean);
    const untyped = schema.type === undefined && !schema.properties && !schema.items && !schema.anyOf && !schema.oneOf && !schema.allOf;
    // A file's bytes (`contentMediaType`, as OpenAPI 3.1 states a binary part) are not text a person types.
    if ((schema.type === 'string' || untyped) && !schema.format && !schema.contentMediaType && !schema.enum && schema.const === undefined) {
      const guarded = patterns.some((pattern: string) => !new RegExp(pattern, 'u').test('a\u0000') && !new RegExp(pattern, 'u').test('\u0000'));
      if (!guarded) found.push(where);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${name}`, inner);
    if (schema.items) visit(schema.items, `${where}[]`, inner);
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) (schema[keyword] ?? []).forEach((part: any) => visit(part, where, inner));
  };
  for (const [path, item] of Object.entries<any>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      for (const parameter of operation.parameters ?? []) visit(parameter.schema ?? { type: 'string' }, `${method.toUpperCase()} ${path} ${parameter.in} ${parameter.name}`, new Set());
      for (const [type, content] of Object.entries<any>(operation.requestBody?.content ?? {})) visit(content.schema, `${method.toUpperCase()} ${path} ${type}`, new Set());
    }
  }
  return found;
}
