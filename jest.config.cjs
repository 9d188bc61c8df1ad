/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/setup-file.ts'],
  // Real servers and time skipping: generous per test, never used as a performance bound.
  testTimeout: 180_000,
  maxWorkers: 2,
  // A worker that has run many files holding real servers, PDFs and uploads is replaced once it holds
  // this much after a file, before its heap can reach Node's limit mid-file (seen at 4 GB after 20 minutes).
  workerIdleMemoryLimit: '1.5GB',
};
