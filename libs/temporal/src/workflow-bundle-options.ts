import { join } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

/**
 * How every workflow bundle is built: by `npm run build` (the bundles the worker runs) and by the tests,
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
 *
 * `traced`: with the SDK's OpenTelemetry workflow interceptors, for a worker that exports traces. They
 * cost about a quarter of the worker's CPU per command even when nothing is exported (`npm run bench`),
 * so a worker without tracing runs a bundle without them.
 */
export function workflowBundleOptions(root: string, { traced = false }: { traced?: boolean } = {}): Pick<BundleOptions, 'workflowsPath' | 'preloadModules' | 'workflowInterceptorModules'> {
  return {
    workflowsPath: require.resolve(join(root, 'workflows')),
    preloadModules: ['date-holidays', join(root, 'libs/domain/src/index')],
    ...(traced ? { workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES } : {}),
  };
}

/** The file names `npm run build` gives the two bundles, in dist/. */
export const WORKFLOW_BUNDLE_FILES = { plain: 'workflow-bundle.js', traced: 'workflow-bundle-traced.js' } as const;

/** The SDK's OpenTelemetry workflow interceptors: they continue the caller's trace into the workflow and hand their spans to the worker's `exporter` sink. */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
