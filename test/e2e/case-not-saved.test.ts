import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { toProblem } from '../../apps/api/src/http/dependency-errors';
import { type OpenCaseCommand, POLICY_VERSIONS } from '../../libs/domain/src';
import { CASE_NOT_SAVED, CASE_WORKFLOW_TYPE, caseCommand, caseFileQuery, openCase } from '../../workflows/case-messages';
import { activityAttempts } from '../support/activity-attempts';
import { eventually } from '../support/case-driver';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';
import { http } from '../support/http';
import { type ApiClient, NORTH_OFFICER } from '../support/service';
import { NOISE_DISPUTE } from '../support/case-requests';

const TASK_QUEUE = 'asb-cases-not-saved';
const ADMIN_MAILBOX = 'asb-admin@melton.example';


/**
 * Defence in depth: a body the API would refuse today (a NUL, U+0000, in a text field), sent straight to
 * the case workflow with the Temporal client as it got through before the API checked text. PostgreSQL
 * refuses it for good; the command fails at once, the case stays as last saved, the failure is recorded
 * and the admins are told once, and operators see the stuck case.
 */
describe('a change PostgreSQL refuses for good, sent past the API', () => {
  let world: E2eWorld;
  let officer: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    world = await startE2eWorld(TASK_QUEUE);
    officer = await world.service.client(NORTH_OFFICER);
    admin = await world.service.client({ sub: 'admin', name: 'Service Admin', roles: ['admin'] });
  });

  afterAll(() => world?.stop());

  const refused = async (update: Promise<unknown>): Promise<{ error: WorkflowUpdateFailedError; failure: ApplicationFailure }> => {
    const error = await update.then(
      () => {
        throw new Error('the update was accepted, but PostgreSQL should have refused it');
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const failure = (error as WorkflowUpdateFailedError).cause;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    return { error: error as WorkflowUpdateFailedError, failure: failure as ApplicationFailure };
  };

  const attemptsOf = (reference: string, activity: string) => activityAttempts(world.env.client, reference, activity);

  const adminMailsAbout = (reference: string) => world.smtp.received.filter((mail) => mail.subject.startsWith(`Case not saved: ${reference}`));
  const stuck = async (): Promise<number> => {
    const { status, body } = await http(world.service.baseUrl, 'GET', '/health');
    expect(status).toBe(200);
    return body.details.cases.stuck as number;
  };

  it('fails an opening at once with case-not-saved: no read model, the failure recorded, the admins told once, the case counted as stuck', async () => {
    const reference = `ASB-2026-${String(900_000 + Math.floor(Math.random() * 99_999)).padStart(6, '0')}`;
    const poisoned = { ...NOISE_DISPUTE, caseworker: 'amira\u0000khan', location: { ward: 'Egerton', priorityNeighbourhood: false }, openedBy: 'amira.khan' } as unknown as OpenCaseCommand;
    const { error, failure } = await refused(
      world.env.client.workflow.executeUpdateWithStart(openCase, {
        args: [poisoned],
        updateId: randomUUID(),
        startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
          workflowId: reference,
          taskQueue: TASK_QUEUE,
          args: [{ reference, policy: POLICY_VERSIONS[0]! }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    );
    expect(failure.type).toBe(CASE_NOT_SAVED);
    expect(failure.message).toBe(
      `case ${reference} could not be saved (openCase): PostgreSQL refused it with SQLSTATE 08P01 (protocol violation: invalid message format)`,
    );
    // Refused at the first attempt and not retried.
    expect(await attemptsOf(reference, 'saveCaseFile')).toEqual([1]);

    // The API answers the same failure with a 500 that says what happened (the API refuses a NUL at the
    // door today, so this maps the very error the Temporal client gave).
    const problem = toProblem(error)!.problem;
    expect(problem).toMatchObject({ type: 'https://asb-case-service.example/problems/case-not-saved', title: 'The case could not be saved', status: 500 });
    expect(problem.detail).toContain(`case ${reference} could not be saved (openCase)`);

    expect(await world.env.client.workflow.getHandle(reference).query(caseFileQuery)).toBeNull();
    expect((await officer('GET', `/cases/${reference}`)).status).toBe(404);

    const recorded = await admin('GET', `/case-failures?reference=${reference}`);
    expect(recorded.status).toBe(200);
    expect(recorded.body.failures).toEqual([
      { id: expect.any(String), reference, operation: 'openCase', sqlState: '08P01', condition: 'protocol violation', message: 'invalid message format', at: expect.any(String) },
    ]);

    const [mail] = await world.smtp.waitFor((candidate) => candidate.subject.startsWith(`Case not saved: ${reference}`));
    expect(mail!.to).toEqual([ADMIN_MAILBOX]);
    expect(mail!.subject).toBe(`Case not saved: ${reference} (openCase)`);
    expect(mail!.text).toContain('PostgreSQL said: SQLSTATE 08P01 (protocol violation): invalid message format');
    expect(mail!.text + mail!.html).not.toContain('\u0000');

    expect(await stuck()).toBe(1);
    // Told once: nothing more arrives while the workflow waits out its opening grace.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(adminMailsAbout(reference)).toHaveLength(1);
  });

  it('fails a command with case-not-saved and keeps the case as last saved; the next clean command is saved, and the case is no longer stuck', async () => {
    const opened = await officer('POST', '/cases', { body: NOISE_DISPUTE });
    expect(opened.status).toBe(201);
    const reference = opened.body.reference as string;
    const stuckBefore = await stuck();

    const handle = world.env.client.workflow.getHandle(reference);
    const { failure } = await refused(handle.executeUpdate(caseCommand('allocate'), { args: [{ actor: 'jo.bennett', command: { caseworker: 'tom\u0000price' } }] }));
    expect(failure.type).toBe(CASE_NOT_SAVED);
    expect(failure.message).toContain(`case ${reference} could not be saved (allocate)`);
    // Every save of the case, the refused one included, took one attempt.
    expect(await attemptsOf(reference, 'saveCaseFile')).toEqual(expect.arrayContaining([1, 1]));
    expect(Math.max(...(await attemptsOf(reference, 'saveCaseFile')))).toBe(1);

    // Neither the workflow nor the read model holds the refused change.
    expect(await handle.query(caseFileQuery)).toMatchObject({ caseworker: 'amira.khan' });
    expect((await officer('GET', `/cases/${reference}`)).body).toMatchObject({ caseworker: 'amira.khan' });
    expect(await stuck()).toBe(stuckBefore + 1);

    // The admins are told, and the case's timeline records that they were (a change of its own).
    await world.smtp.waitFor((mail) => mail.subject === `Case not saved: ${reference} (allocate)`);
    const timeline = await eventually(async () => {
      const { body } = await officer('GET', `/cases/${reference}/timeline`);
      return body.entries.find((entry: { kind: string }) => entry.kind === 'ALERT_SENT') ? body : undefined;
    });
    expect(timeline.entries.at(-1)).toMatchObject({ kind: 'ALERT_SENT', summary: `case-not-saved notice sent to ${ADMIN_MAILBOX}` });

    // The case carries on from where it was saved.
    const reallocated = await officer('POST', `/cases/${reference}/allocation`, { body: { caseworker: 'tom.price' } });
    expect(reallocated.status).toBe(200);
    expect(reallocated.body).toMatchObject({ caseworker: 'tom.price' });
    expect(await stuck()).toBe(stuckBefore);
    expect(adminMailsAbout(reference)).toHaveLength(1);
  });
});
