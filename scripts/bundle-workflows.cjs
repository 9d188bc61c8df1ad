// Bundles the workflow code once at build time, so the worker starts without webpack and every
// worker replica runs byte-identical workflow code. Two bundles: the traced one, with the
// OpenTelemetry workflow interceptors, is what a worker that exports traces runs.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const root = join(__dirname, '..');
// Compiled by the build step just before this one; the tests bundle with the same options.
const { workflowBundleOptions, WORKFLOW_BUNDLE_FILES } = require(join(root, 'dist/libs/temporal/src/workflow-bundle-options.js'));
const logger = { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error };

async function bundle(traced) {
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(join(root, 'dist'), { traced }), logger });
  const file = traced ? WORKFLOW_BUNDLE_FILES.traced : WORKFLOW_BUNDLE_FILES.plain;
  writeFileSync(join(root, 'dist', file), code);
  console.log(`${file}: ${(code.length / 1024).toFixed(0)} KiB`);
}

bundle(false)
  .then(() => bundle(true))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
