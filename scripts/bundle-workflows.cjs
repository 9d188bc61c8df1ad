// Bundles the workflow code once at build time, so the worker starts without webpack and every
// worker replica runs byte-identical workflow code.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const root = join(__dirname, '..');
// Compiled by the build step just before this one; the tests bundle with the same options.
const { workflowBundleOptions } = require(join(root, 'dist/libs/temporal/src/workflow-bundle-options.js'));
bundleWorkflowCode({ ...workflowBundleOptions(join(root, 'dist')), logger: { log() {}, trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error } })
  .then(({ code }) => {
    writeFileSync(join(root, 'dist/workflow-bundle.js'), code);
    console.log(`workflow bundle: ${(code.length / 1024).toFixed(0)} KiB`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
