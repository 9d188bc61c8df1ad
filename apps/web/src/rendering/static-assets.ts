import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type RequestHandler } from 'express';
import { projectRoot } from '../../../../libs/config/src';
import { GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR } from './package-paths';

/** A year: the packages' file names are fixed per version, and a version bump restarts the console. */
const CACHED = { maxAge: '1y', index: false, fallthrough: true } as const;

/**
 * `/assets` as both design systems' stylesheets expect it (fonts and images at `/assets/fonts`,
 * `/assets/images`), served straight from the installed packages, plus the console's own start-up script.
 */
function assetMounts(): { prefix: string; path: string; options: typeof CACHED | { index: false; fallthrough: true } }[] {
  const govuk = join(GOVUK_FRONTEND_DIST, 'govuk');
  const moj = join(MOJ_FRONTEND_DIR, 'moj');
  return [
    { prefix: '/assets', path: join(govuk, 'assets'), options: CACHED },
    { prefix: '/assets', path: join(moj, 'assets'), options: CACHED },
    ...['govuk-frontend.min.css', 'govuk-frontend.min.js'].map((file) => ({ prefix: `/assets/${file}`, path: join(govuk, file), options: CACHED })),
    ...['moj-frontend.min.css', 'moj-frontend.min.js'].map((file) => ({ prefix: `/assets/${file}`, path: join(moj, file), options: CACHED })),
    { prefix: '/assets/console', path: join(projectRoot(), 'apps/web/public'), options: { index: false, fallthrough: true } },
  ];
}

export function serveStaticAssets(app: NestExpressApplication): void {
  for (const mount of assetMounts()) app.useStaticAssets(mount.path, { prefix: mount.prefix, ...mount.options });
}

/** The same assets for a server other than the console (the local identity provider's pages wear the console's layout). */
export function staticAssetsHandler(): RequestHandler {
  const router = express.Router();
  for (const mount of assetMounts()) router.use(mount.prefix, express.static(mount.path, mount.options));
  return router;
}
