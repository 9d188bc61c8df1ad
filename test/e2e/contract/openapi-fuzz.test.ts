import { join } from 'node:path';
import type { TokenClaims } from '../../../libs/auth/src';
import { STAFF_ROLES, StaffDirectory } from '../../../libs/directory/src';
import { type E2eWorld, startE2eWorld } from '../../support/e2e-world';
import { testRuntime } from '../../support/runtime';
import { type FuzzResult, runSchemathesis } from '../../support/schemathesis';

/**
 * The OpenAPI document is the contract, and an outside fuzzer holds the running service to it:
 * schemathesis generates requests from /openapi.json (its examples, the edges of every schema, random
 * data, and sequences that open a case and then act on it) as each role of the staff directory, and
 * checks every answer: no 5xx, every status, content type, header and body as documented, no request
 * the document allows refused (beyond 401/403/404/409/422, which the state of a case explains), and
 * none it forbids accepted. What makes a failure is in schemathesis.toml.
 *
 * The seed is fixed, so a run is repeatable; `npm run fuzz` runs a longer one with a random seed
 * (ASB_FUZZ_SEED, ASB_FUZZ_MAX_EXAMPLES; ASB_FUZZ_ROLES=caseworker,admin for some roles only).
 */
const SEED = Number(process.env.ASB_FUZZ_SEED ?? 11);
const MAX_EXAMPLES = Number(process.env.ASB_FUZZ_MAX_EXAMPLES ?? 3);
/** Schemathesis spends most of its time generating, on one core: two roles at a time keep both busy. */
const ROLES_AT_ONCE = 2;
/** Measured at about a minute per role with 3 examples; generous, and longer for longer runs. */
const TIMEOUT_MS = (10 + MAX_EXAMPLES) * 60_000;

// One person of each role, as the staff directory has them: their team or agency decides what they may do.
const staff = StaffDirectory.fromFile(join(__dirname, '../../../deploy/local/directory.json'));
const people = STAFF_ROLES.filter((role) => !process.env.ASB_FUZZ_ROLES || process.env.ASB_FUZZ_ROLES.split(',').includes(role)).map((role) => {
  const [member] = staff.withRole(role);
  if (!member) throw new Error(`deploy/local/directory.json has nobody with the role ${role}`);
  const claims: TokenClaims = { sub: member.id, name: member.name, roles: [member.role, ...(member.additionalRoles ?? [])], ...(member.team ? { team: member.team } : {}), ...(member.agency ? { agency: member.agency } : {}) };
  return { role, claims };
});

describe(`the API holds to its OpenAPI document under schemathesis (seed ${SEED}, ${MAX_EXAMPLES} examples per operation)`, () => {
  let world: E2eWorld;
  const runs = new Map<string, Promise<FuzzResult>>();

  beforeAll(async () => {
    world = await startE2eWorld('asb-openapi-fuzz');
    const inTurn = limitedTo(ROLES_AT_ONCE);
    for (const { role, claims } of people) {
      const run = inTurn(async () =>
        runSchemathesis({
          baseUrl: world.service.baseUrl,
          bearerToken: await world.service.tokenFor(claims),
          seed: SEED,
          maxExamples: MAX_EXAMPLES,
          workDir: join(testRuntime().runDir, `schemathesis-${role}`),
        }),
      );
      run.catch(() => {}); // awaited by the role's test, which reports it
      runs.set(role, run);
    }
  });

  afterAll(async () => {
    await Promise.allSettled(runs.values());
    await world?.stop();
  });

  it.each(people)(
    'finds no failure as $role ($claims.sub)',
    async ({ role }) => {
      const result = await runs.get(role)!;
      console.log(`schemathesis as ${role}: ${result.testCases} test cases in ${result.seconds.toFixed(0)} s (seed ${SEED})`);
      // Its own report of each failure, with the curl line that reproduces it, is the message; the whole
      // output is in the role's output.txt under the run's folder.
      if (result.exitCode !== 0) throw new Error(`schemathesis as ${role} (seed ${SEED}) exited ${result.exitCode}:\n${result.failures || result.output}`);
      expect(result.testCases).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});

/** Runs the tasks it is given no more than `concurrency` at a time, in the order given. */
function limitedTo(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((start) => waiting.push(start));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
