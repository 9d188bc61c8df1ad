import { NativeConnection, Worker } from '@temporalio/worker';

/**
 * The baseline's worker, a process of its own as the case worker is: it runs only the minimal
 * workflow, with the SDK's defaults. Started by the benchmark with TEMPORAL_ADDRESS and the task queue.
 */
async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS ?? 'localhost:7233';
  const taskQueue = process.env.BASELINE_TASK_QUEUE ?? 'bench-baseline';
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./baseline-workflow'),
  });
  console.log(`baseline worker polling ${taskQueue}`);
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
