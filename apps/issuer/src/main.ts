import { loadConfig } from '../../../libs/config/src';
import { loadWebConfig } from '../../web/src/web-config';
import { localProviderForConsole } from './console-styled-provider';

/**
 * The local OpenID provider (`npm run up` starts it at DEV_ISSUER_URL when OIDC_ISSUER is unset): the
 * staff directory's people sign in to the console here, and its tokens verify in the API.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.auth.issuer) throw new Error(`OIDC_ISSUER is set (${config.auth.issuer}): people sign in there, not with the local provider`);
  const { server } = await localProviderForConsole(config.auth.devIssuerUrl, config, loadWebConfig(config));
  const url = new URL(config.auth.devIssuerUrl);
  server.listen(Number(url.port || 80), () => console.log(`local identity provider at ${config.auth.devIssuerUrl}`));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
