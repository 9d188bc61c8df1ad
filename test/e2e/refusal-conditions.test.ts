import { REFUSAL_CONDITIONS } from '../../libs/domain/src';
import { http } from '../support/http';
import type { OpenApiDocument } from '../support/openapi-conformance';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, startService } from '../support/service';

/**
 * The conditions a refusal carries are a contract: the document lists each with its sentence, so a
 * client can switch on the code and show the words. A new refusal without its entry does not compile
 * (the domain's `Refusal.condition` is the catalogue's union); this holds the document to the catalogue.
 */
describe('refusal conditions in the OpenAPI document', () => {
  let service: RunningService;
  let document: OpenApiDocument;

  beforeAll(async () => {
    service = await startService(
      { temporalAddress: '127.0.0.1:1', databaseUrl: await createTestDatabase(), smtpUrl: 'smtp://127.0.0.1:1', taskQueue: 'asb-refusal-conditions' },
      { worker: false },
    );
    document = (await http<OpenApiDocument>(service.baseUrl, 'GET', '/openapi.json')).body;
  });

  afterAll(() => service?.stop());

  it('lists every condition of the domain’s catalogue, each with its sentence, as the Problem’s condition', () => {
    const schemas = document.components!.schemas as Record<string, any>;
    expect(schemas.Problem.properties.condition).toEqual({ $ref: '#/components/schemas/RefusalCondition' });
    const listed = Object.fromEntries(schemas.RefusalCondition.anyOf.map((entry: { enum: [string]; description: string }) => [entry.enum[0], entry.description]));
    expect(listed).toEqual(REFUSAL_CONDITIONS);
  });

  it('words each condition as a sentence for a person, not a code', () => {
    for (const [code, sentence] of Object.entries(REFUSAL_CONDITIONS)) {
      expect({ code, sentence }).toEqual({ code, sentence: expect.stringMatching(/^[A-Z][^_]+[.]$/) });
    }
  });
});
