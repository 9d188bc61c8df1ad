import { dirname, join } from 'node:path';

/**
 * Where the design systems' packages are installed: their templates and assets are served from there,
 * never copied into the repository, so an upgrade is a version bump in package.json.
 */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const GOVUK_FRONTEND_DIST = join(packageDir('govuk-frontend'), 'dist');
export const MOJ_FRONTEND_DIR = packageDir('@ministryofjustice/frontend');
