import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { CaseDriver } from '../support/case-driver';
import { TEST_TASK_QUEUE } from '../support/case-worker-harness';
import { startWorkflowWorld, type WorkflowWorld } from '../support/case-worker-harness';
import { STORIES } from './stories';

/**
 * `npm run replay:record`: plays each story that has no history yet and writes it to
 * test/replay/histories/. Run it when a story is added; commit the file. A recorded history is never
 * overwritten: it stands for cases already running under the code that recorded it, and a failing
 * replay means those cases would break.
 */
describe('record replay histories', () => {
  let env: TestWorkflowEnvironment;
  let world: WorkflowWorld;

  beforeAll(async () => {
    world = await startWorkflowWorld();
    ({ env } = world);
  });

  afterAll(() => world?.stop());

  const unrecorded = STORIES.filter((story) => !existsSync(join(__dirname, 'histories', `${story.name}.json`)));

  it('names each story once, so that no history file stands for two stories', () => {
    expect(new Set(STORIES.map((story) => story.name)).size).toBe(STORIES.length);
  });

  it.each(unrecorded.map((story) => [story.name, story] as const))('%s', async (name, story) => {
    const reference = await story.play(new CaseDriver(env, TEST_TASK_QUEUE, world.worker.orm), env);
    const history = await env.client.workflow.getHandle(reference).fetchHistory();
    // protobufjs's own JSON form; the replay test reads it back with History.fromObject.
    writeFileSync(join(__dirname, 'histories', `${name}.json`), `${JSON.stringify(history)}\n`);
    expect(history.events?.length).toBeGreaterThan(10);
  });
});
