import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../libs/config/src/project-root';
import { DOCKERFILE, hadolint, requireDeployTools } from '../support/deploy-tools';

/**
 * The image cannot be built here (no container engine in CI), so its Dockerfile is linted by hadolint
 * at every level, and what hadolint cannot see through the base image's ARG is checked here.
 */
const ROOT = projectRoot();
const dockerfile = () => readFileSync(DOCKERFILE, 'utf8');
/** The instructions of the last stage, the image that runs. */
const runtimeStage = (text: string) => text.slice(text.lastIndexOf('\nFROM '));

beforeAll(() => requireDeployTools());

describe('the container image’s Dockerfile', () => {
  it('has no hadolint finding, at any level', () => {
    expect(hadolint(dockerfile())).toEqual({ status: 0, findings: [] });
  });

  it('is linted for real: hadolint refuses an unpinned base, a root user and a shell-form command', () => {
    const broken = dockerfile()
      .replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:24')
      .replace(/^FROM \$\{NODE_IMAGE\} AS runtime$/m, 'FROM node:latest AS runtime')
      .replace(/^USER 10001:10001$/m, 'USER root')
      .replace(/^CMD \["api"\]$/m, 'CMD node dist/apps/api/src/main.js');
    const { status, findings } = hadolint(broken);
    expect(status).not.toBe(0);
    expect(findings.map((finding) => finding.code)).toEqual(expect.arrayContaining(['DL3007', 'DL3002', 'DL3025']));
  });

  it('builds on Node 24 pinned to a release, and runs as a numeric non-root user with production packages only', () => {
    const text = dockerfile();
    expect(text).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-[a-z]+-slim$/m);
    expect(text.match(/^FROM .*$/gm)).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
    const runtime = runtimeStage(text);
    expect(runtime).toMatch(/^RUN npm ci --omit=dev /m);
    expect(runtime.match(/^USER .*$/gm)).toEqual(['USER 10001:10001']);
    expect(runtime).toMatch(/^COPY --from=build \/src\/dist \.\/dist$/m);
  });

  it('copies into the build stage everything `npm run build` reads', () => {
    const text = dockerfile();
    const buildStage = text.slice(text.indexOf('\nFROM '), text.lastIndexOf('\nFROM '));
    // The sources of each COPY (all its words but flags and the destination).
    const copied = [...buildStage.matchAll(/^COPY (.+)$/gm)].flatMap(([, words]) => words!.split(' ').filter((word) => !word.startsWith('--')).slice(0, -1));
    const build = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.build!;
    const compiled = build.match(/\bswc ((?:[\w-]+ )+)-d /)![1]!.trim().split(' ');
    const scripts = [...build.matchAll(/\bnode (\S+)/g)].map(([, script]) => script!);
    expect(compiled).toContain('apps');
    expect(copied.sort()).toEqual(['.swcrc', 'package-lock.json', 'package.json', ...compiled, ...scripts].sort());
  });

  it('starts each process the chart names from a script the build makes', () => {
    const entrypoint = readFileSync(join(ROOT, 'deploy/docker/entrypoint.sh'), 'utf8');
    const scripts = Object.fromEntries([...entrypoint.matchAll(/^ {2}(\w+)\) script=dist\/(\S+)\.js ;;$/gm)].map(([, word, path]) => [word, path]));
    expect(Object.keys(scripts).sort()).toEqual(['api', 'console', 'migrate', 'worker']);
    // swc compiles each source to the same path under dist/.
    for (const source of Object.values(scripts)) expect(existsSync(join(ROOT, `${source}.ts`))).toBe(true);
  });
});
