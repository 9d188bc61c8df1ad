import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaptureSmtpServer } from '../../libs/mailbox/src';
import { createTestDatabase } from '../support/runtime';
import { type RunningService, SOUTH_OFFICER, startService } from '../support/service';
import { startDevServerTemporal } from '../support/dev-server';
import { CASE_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

describe('cases as operators see them in Temporal (dev server, the one `npm run up` starts)', () => {
  let env: TestWorkflowEnvironment;
  let smtp: CaptureSmtpServer;
  let service: RunningService;

  beforeAll(async () => {
    env = await startDevServerTemporal();
    smtp = new CaptureSmtpServer();
    const smtpPort = await smtp.listen(0);
    service = await startService({
      temporalAddress: env.address,
      databaseUrl: await createTestDatabase(),
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      taskQueue: 'asb-cases-visibility',
    });
  });

  afterAll(async () => {
    await service?.stop();
    await smtp?.close();
    await env?.teardown();
  });

  it('lists an opened case by stage, risk, team and caseworker, with its next deadline', async () => {
    const api = await service.client(SOUTH_OFFICER);
    const opened = await api('POST', '/cases', {
      body: {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'DRUGS',
        channel: 'CUSTOMER_SERVICES_CALL',
        summary: 'Suspected dealing from a parked car outside the school gates.',
        riskLevel: 'STANDARD',
        team: 'south',
        caseworker: 'tom.price',
      },
    });
    expect(opened.status).toBe(201);
    const reference: string = opened.body.reference;

    const query = `AsbStage = 'ALLOCATED' AND AsbRiskLevel = 'STANDARD' AND AsbTeam = 'south' AND AsbCaseworker = 'tom.price'`;
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const workflow of env.client.workflow.list({ query })) ids.push(workflow.workflowId);
      return ids.includes(reference) ? ids : undefined;
    });
    expect(found).toContain(reference);

    const description = await env.client.workflow.getHandle(reference).describe();
    const attributes = description.typedSearchAttributes;
    expect(attributes.get(CASE_SEARCH_ATTRIBUTES.forum)).toBe('GENERAL_CASEWORK');
    expect(attributes.get(CASE_SEARCH_ATTRIBUTES.nextDeadline)?.toISOString()).toBe(opened.body.nextReview.dueAt);
  });
});

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error('not visible in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
