import { join } from 'node:path';
import nunjucks from 'nunjucks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { projectRoot } from '../../../../libs/config/src';
import { registerFilters } from './filters';
import { GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR } from './package-paths';

export const SERVICE_NAME = 'Manage ASB cases';

/** Nunjucks over the console's views and both design systems' macros (`govuk/components/…`, `moj/components/…`). */
export function configureViews(app: NestExpressApplication): nunjucks.Environment {
  const express = app.getHttpAdapter().getInstance();
  const env = nunjucks.configure([join(projectRoot(), 'apps/web/views'), GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR], {
    autoescape: true,
    throwOnUndefined: false,
    express,
  });
  registerFilters(env);
  env.addGlobal('serviceName', SERVICE_NAME);
  app.setViewEngine('njk');
  return env;
}
