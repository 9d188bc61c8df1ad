import { PSPO_REFUSAL_CONDITIONS, REFUSAL_CONDITIONS } from '../../libs/domain/src';
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

  // A case command's refusals, and a PSPO's (a catalogue of its own: a PSPO is not a case).
  it('lists every condition of the domain’s catalogues, each with its sentence, as the Problem’s condition', () => {
    const schemas = document.components!.schemas as Record<string, any>;
    expect(schemas.Problem.properties.condition).toEqual({ anyOf: [{ $ref: '#/components/schemas/RefusalCondition' }, { $ref: '#/components/schemas/PspoRefusalCondition' }] });
    const listed = (schema: string) => Object.fromEntries(schemas[schema].anyOf.map((entry: { enum: [string]; description: string }) => [entry.enum[0], entry.description]));
    expect(listed('RefusalCondition')).toEqual(REFUSAL_CONDITIONS);
    expect(listed('PspoRefusalCondition')).toEqual(PSPO_REFUSAL_CONDITIONS);
  });

  it('words each condition as a sentence for a person, not a code', () => {
    for (const [code, sentence] of Object.entries({ ...REFUSAL_CONDITIONS, ...PSPO_REFUSAL_CONDITIONS })) {
      expect({ code, sentence }).toEqual({ code, sentence: expect.stringMatching(/^[A-Z][^_]+[.]$/) });
    }
  });
});
