import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';

/** The fuzzer `npm run bootstrap` installs, as deploy/schemathesis/requirements.txt pins it. */
const SCHEMATHESIS = join(projectRoot(), '.tools/schemathesis/bin/schemathesis');
/** What counts as a failure: one file for the suite and for `npm run fuzz`. */
const CONFIG = join(projectRoot(), 'schemathesis.toml');
/** Leaves out the cases a fault of schemathesis mislabels as valid (see the file). */
const HOOKS = join(projectRoot(), 'test/e2e/contract/schemathesis_hooks.py');

export interface FuzzRun {
  readonly baseUrl: string;
  readonly bearerToken: string;
  readonly seed: number;
  readonly maxExamples: number;
  /** Its working directory: Hypothesis keeps its character tables there. */
  readonly workDir: string;
}

export interface FuzzResult {
  readonly exitCode: number | null;
  /** What schemathesis printed: its summary, and for each failure the check, the response and a curl line to reproduce it. */
  readonly output: string;
  /** Its FAILURES section alone (empty when none): a long report is cut in the middle by whatever shows it, and this is the part that matters. */
  readonly failures: string;
  /** Test cases it generated and sent, as its summary counts them. */
  readonly testCases: number;
  readonly seconds: number;
}

/**
 * Runs schemathesis over every operation of the service's /openapi.json, in every phase (examples,
 * coverage, fuzzing, stateful), with every check, as the holder of `bearerToken`.
 */
export async function runSchemathesis(run: FuzzRun): Promise<FuzzResult> {
  if (!existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run npm run bootstrap`);
  mkdirSync(run.workDir, { recursive: true });
  const started = Date.now();
  const args = [
    '--config-file', CONFIG,
    'run', `${run.baseUrl}/openapi.json`,
    '--phases', 'examples,coverage,fuzzing,stateful',
    '--checks', 'all',
    '--seed', String(run.seed),
    '--max-examples', String(run.maxExamples),
    '--header', `Authorization: Bearer ${run.bearerToken}`,
    '--no-color',
  ];
  const { exitCode, output } = await new Promise<{ exitCode: number | null; output: string }>((resolve, reject) => {
    const child = spawn(SCHEMATHESIS, args, { cwd: run.workDir, env: { ...process.env, COLUMNS: '160', SCHEMATHESIS_HOOKS: HOOKS } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code, output }));
  });
  // "Test cases:\n  4004 generated, 4004 passed"
  const generated = /^\s*(\d+) generated\b/m.exec(output);
  writeFileSync(join(run.workDir, 'output.txt'), output);
  const failures = /^=+ FAILURES =+$([\s\S]*?)^=+ [A-Z]+ =+$/m.exec(output)?.[1]?.trim() ?? '';
  return { exitCode, output, failures, testCases: generated ? Number(generated[1]) : 0, seconds: (Date.now() - started) / 1000 };
}
