import { join } from 'node:path';
import nunjucks from 'nunjucks';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { projectRoot } from '../../../../libs/config/src';
import { registerFilters } from './filters';
import { serviceMenu } from './service-menu';
import { GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR } from './package-paths';

export const SERVICE_NAME = 'Manage ASB cases';

/** Nunjucks over the console's views and both design systems' macros (`govuk/components/…`, `moj/components/…`). */
export function viewEnvironment(options: { express?: object } = {}): nunjucks.Environment {
  // An environment of its own (not nunjucks.configure's shared one): the local identity provider renders the same views in the same process in tests.
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(projectRoot(), 'apps/web/views'), GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR]), {
    autoescape: true,
    throwOnUndefined: false,
  });
  if (options.express) env.express(options.express);
  registerFilters(env);
  env.addGlobal('serviceName', SERVICE_NAME);
  env.addGlobal('serviceMenu', serviceMenu);
  return env;
}

export function configureViews(app: NestExpressApplication): nunjucks.Environment {
  const env = viewEnvironment({ express: app.getHttpAdapter().getInstance() });
  app.setViewEngine('njk');
  return env;
}
