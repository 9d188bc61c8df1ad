import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { testRuntime } from '../support/runtime';

const HISTORIES = join(__dirname, 'histories');

/** Recorded histories of real cases, replayed against today's workflow code: a non-deterministic change fails here, not in production. */
describe('replaying recorded case histories with the current workflow code', () => {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('has at least three realistic histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('replays %s without a non-determinism error', async (file) => {
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: testRuntime().workflowBundlePath } }, history, basename(file, '.json')),
    ).resolves.toBeUndefined();
  });
});
