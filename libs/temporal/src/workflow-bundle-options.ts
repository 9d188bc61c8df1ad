import { join } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/**
 * How every workflow bundle is built: by `npm run build` (the bundle the worker runs) and by the tests,
 * so that the tests run workflow code the way production does. `root` holds workflows/ and libs/: the
 * checkout for the TypeScript sources, dist/ for the build.
 *
 * The worker runs every case in one reused V8 context and gives each case its own copy of each module
 * it imports, unless the module is preloaded: a preloaded module is evaluated once, shared by every
 * case, and frozen. Without preloading, each case evaluated date-holidays again (with moment-timezone's
 * data: 7 of the bundle's 9 MiB), about 2.8 MiB of worker memory per cached case, and the domain rules
 * again, CPU on every case the worker loads: the largest costs `npm run bench` found. A preloaded module
 * may hold no state but a deterministic cache (libs/domain holds one: England's bank holidays by
 * year), or cases would see each other's.
 */
export function workflowBundleOptions(root: string): Pick<BundleOptions, 'workflowsPath' | 'preloadModules' | 'workflowInterceptorModules'> {
  return {
    workflowsPath: require.resolve(join(root, 'workflows')),
    preloadModules: ['date-holidays', join(root, 'libs/domain/src/index')],
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
  };
}

/**
 * The SDK's OpenTelemetry workflow interceptors, in every bundle: a bundle is built once, before anyone
 * knows whether the worker will trace. They continue the caller's trace into the workflow and hand
 * their spans to the worker's `exporter` sink, which drops them when tracing is off.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
