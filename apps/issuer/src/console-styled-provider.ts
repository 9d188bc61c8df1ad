import { loadOrCreateDevKey } from '../../../libs/auth/src';
import { createLocalProviderServer, type ProviderPages, staffDescription } from '../../../libs/auth/src/local-provider';
import type { AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { staticAssetsHandler } from '../../web/src/rendering/static-assets';
import { SERVICE_NAME, viewEnvironment } from '../../web/src/rendering/views';
import { consoleClientId } from '../../web/src/sign-in/sign-in-config';
import type { WebConfig } from '../../web/src/web-config';

/** The provider's pages in the console's GOV.UK layout (`apps/web/views/sign-in/provider-*.njk`). */
function consolePages(): ProviderPages {
  const views = viewEnvironment();
  return {
    signIn: (action, members, clientName) =>
      views.render('sign-in/provider-sign-in.njk', {
        pageTitle: 'Sign in',
        action,
        clientName,
        members: members.map((member) => ({ id: member.id, name: member.name, description: staffDescription(member) })),
      }),
    signOut: (form) => views.render('sign-in/provider-sign-out.njk', { pageTitle: 'Do you want to sign out?', form }),
    signedOut: () => views.render('sign-in/provider-message.njk', { pageTitle: 'You have signed out' }),
    error: (message) => views.render('sign-in/provider-message.njk', { pageTitle: 'Sorry, there is a problem', message }),
  };
}

/**
 * The local OpenID provider for the console at `web.baseUrl`, as `npm run up` and the browser tests
 * run it: the staff directory's people, the development key, and pages in the console's layout (its
 * stylesheets, fonts and start-up script served by the provider itself).
 */
export async function localProviderForConsole(issuer: string, config: AppConfig, web: WebConfig): Promise<ReturnType<typeof createLocalProviderServer>> {
  const assets = staticAssetsHandler();
  return createLocalProviderServer({
    issuer,
    directory: StaffDirectory.fromFile(config.directoryPath),
    key: await loadOrCreateDevKey(config.auth.devKeyPath),
    client: { clientId: consoleClientId(), name: SERVICE_NAME, baseUrl: web.baseUrl },
    pages: consolePages(),
    assets: (req, res, next) => assets(req as never, res as never, next),
  });
}
