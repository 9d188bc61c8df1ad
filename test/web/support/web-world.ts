import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Browser } from 'playwright-core';
import { localProviderForConsole } from '../../../apps/issuer/src/console-styled-provider';
import { createWeb } from '../../../apps/web/src/create-web';
import { loadWebConfig } from '../../../apps/web/src/web-config';
import type { AppConfig } from '../../../libs/config/src';
import { type E2eWorld, startE2eWorld } from '../../support/e2e-world';
import { freePort } from '../../support/free-port';
import { launchBrowser } from './browser';

/**
 * The real stack of the end-to-end tests (Temporal, PostgreSQL, SMTP, API and worker), the local
 * OpenID provider people sign in at (as `npm run up` runs it), the console, and a browser.
 */
export interface WebWorld {
  readonly world: E2eWorld;
  readonly web: NestExpressApplication;
  /** Where the browser reaches the console. */
  readonly baseUrl: string;
  readonly issuerUrl: string;
  readonly browser: Browser;
  stop(): Promise<void>;
}

export async function startWebWorld(taskQueue: string): Promise<WebWorld> {
  // Both addresses are part of the sign-in (the issuer, the console's redirect URI), and emails link to the console, so the ports are chosen first.
  const [webPort, issuerPort] = [await freePort(), await freePort()];
  const world = await startE2eWorld(taskQueue, { consoleBaseUrl: `http://127.0.0.1:${webPort}` });
  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const config: AppConfig = { ...world.service.config, auth: { ...world.service.config.auth, devIssuerUrl: issuerUrl } };
  const webConfig = loadWebConfig(config, { WEB_PORT: String(webPort) });

  const { server: issuer } = await localProviderForConsole(issuerUrl, config, webConfig);
  await new Promise<void>((resolve) => issuer.listen(issuerPort, '127.0.0.1', resolve));
  const web = await createWeb(config, webConfig, { logger: false });
  await web.listen(webPort, '127.0.0.1');
  const browser = await launchBrowser();
  return {
    world,
    web,
    baseUrl: webConfig.baseUrl,
    issuerUrl,
    browser,
    async stop() {
      await browser.close();
      await web.close();
      await closed(issuer);
      await world.stop();
    },
  };
}

function closed(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
