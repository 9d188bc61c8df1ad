import { DefaultLogger, Runtime } from '@temporalio/worker';

// Once per test file, before any worker or test server: worker state changes at INFO would bury a
// failing test's output.
Runtime.install({ logger: new DefaultLogger('WARN') });
