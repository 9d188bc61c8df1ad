import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { projectRoot } from '../../../../libs/config/src';
import { GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR } from './package-paths';

/** A year: the packages' file names are fixed per version, and a version bump restarts the console. */
const CACHED = { maxAge: '1y', index: false, fallthrough: true } as const;

/**
 * `/assets` as both design systems' stylesheets expect it (fonts and images at `/assets/fonts`,
 * `/assets/images`), served straight from the installed packages, plus the console's own start-up script.
 */
export function serveStaticAssets(app: NestExpressApplication): void {
  const govuk = join(GOVUK_FRONTEND_DIST, 'govuk');
  const moj = join(MOJ_FRONTEND_DIR, 'moj');
  app.useStaticAssets(join(govuk, 'assets'), { prefix: '/assets', ...CACHED });
  app.useStaticAssets(join(moj, 'assets'), { prefix: '/assets', ...CACHED });
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
    app.useStaticAssets(join(govuk, file), { prefix: `/assets/${file}`, ...CACHED });
  }
  for (const file of ['moj-frontend.min.css', 'moj-frontend.min.js']) {
    app.useStaticAssets(join(moj, file), { prefix: `/assets/${file}`, ...CACHED });
  }
  app.useStaticAssets(join(projectRoot(), 'apps/web/public'), { prefix: '/assets/console', index: false, fallthrough: true });
}
