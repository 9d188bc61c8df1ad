import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/**
 * The least a Temporal workflow can be and still do what a case does per command: accept an update
 * and answer it. No activity, no timer, no state beyond a counter. Bundled on its own, apart from the
 * case workflow, and run by its own worker process.
 */
export const touch = defineUpdate<number, [number]>('touch');

export const BASELINE_WORKFLOW_TYPE = 'baselineWorkflow';

export async function baselineWorkflow(): Promise<void> {
  let touched = 0;
  let done = false;
  setHandler(touch, (by) => {
    touched += by;
    return touched;
  });
  setHandler(defineUpdate<void>('finish'), () => {
    done = true;
  });
  await condition(() => done);
}
