import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { StaffDirectory } from '../../../directory/src';
import type { DevKey } from '../dev-issuer';
import { directoryAccount, STAFF_SCOPE_CLAIMS } from './accounts';
import { PLAIN_PAGES, type ProviderPages } from './pages';

export interface LocalClient {
  readonly clientId: string;
  readonly name: string;
  /** Where the client is reached: its redirect is `<baseUrl>/sign-in/callback`, its signed-out page `<baseUrl>/signed-out`. */
  readonly baseUrl: string;
}

export interface LocalProviderOptions {
  readonly issuer: string;
  readonly directory: StaffDirectory;
  readonly key: DevKey;
  readonly client: LocalClient;
  /** How its pages look: plain HTML unless given the console's. */
  readonly pages?: ProviderPages;
  /** Serves what those pages link to (stylesheets, fonts, scripts), or calls `next`. */
  readonly assets?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}

/** The provider's pages take everything from the provider itself, with no inline script; forms may go to the provider and to the console it signs people in to. */
function contentSecurityPolicy(client: LocalClient): string {
  return `default-src 'self'; object-src 'none'; form-action 'self' ${new URL(client.baseUrl).origin}; frame-ancestors 'none'; base-uri 'none'`;
}

/**
 * The development issuer as a real OpenID provider (`oidc-provider`, certified): authorization code
 * flow with PKCE for the console, whose accounts are the staff directory. Its ID tokens are signed
 * with the development key, so they verify in the API as `npm run token`'s do.
 */
export function createLocalProvider(options: LocalProviderOptions): Provider {
  const { client, directory } = options;
  const pages = options.pages ?? PLAIN_PAGES;
  const csp = contentSecurityPolicy(client);
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_name: client.name,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${client.baseUrl}/sign-in/callback`],
        post_logout_redirect_uris: [`${client.baseUrl}/signed-out`],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [options.key.privateJwk as never] },
    findAccount: (_ctx, id) => directoryAccount(directory, id),
    claims: STAFF_SCOPE_CLAIMS,
    // The ID token carries the staff claims itself (the console reads them there), not only userinfo.
    conformIdTokenClaims: false,
    // The code flow only, always with PKCE: no token ever travels in a URL.
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Random on each start: a restart signs everyone out of the provider, which is what a developer expects.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { IdToken: 3600, AccessToken: 3600, Interaction: 3600, Session: 8 * 3600, Grant: 8 * 3600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.set('Content-Security-Policy', csp);
          ctx.body = pages.signOut(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.set('Content-Security-Policy', csp);
          ctx.body = pages.signedOut();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The console is the partnership's own service: nobody is asked to consent to it.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.set('Content-Security-Policy', csp);
      ctx.body = pages.error(typeof out.error_description === 'string' ? out.error_description : String(out.error));
    },
  };
  const provider = new Provider(options.issuer, configuration);
  // Behind a TLS-terminating proxy, the provider reads the original scheme and host from X-Forwarded-*.
  provider.proxy = true;
  return provider;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string, csp: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(html);
}

/**
 * An HTTP server for the provider: its sign-in page (pick a member of the staff directory) at
 * `/interaction/{uid}`, and every OpenID endpoint (discovery, authorization, token, JWKS, end session).
 */
export function createLocalProviderServer(options: LocalProviderOptions): { provider: Provider; server: Server } {
  const provider = createLocalProvider(options);
  const pages = options.pages ?? PLAIN_PAGES;
  const csp = contentSecurityPolicy(options.client);
  const oidc = provider.callback();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (options.assets && path.startsWith('/assets/')) return options.assets(req, res, () => void oidc(req, res));
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match) return void oidc(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        const client = await provider.Client.find(String(details.params.client_id));
        if (req.method === 'GET' && !match[2]) {
          return send(res, 200, pages.signIn(`/interaction/${details.uid}/login`, options.directory.members(), client?.clientName ?? 'the service'), csp);
        }
        if (req.method === 'POST' && match[2]) {
          const accountId = (await formBody(req)).get('accountId') ?? '';
          if (!options.directory.find(accountId)) return send(res, 400, pages.error('Choose a person from the list.'), csp);
          return void (await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false }));
        }
        res.writeHead(405, { allow: match[2] ? 'POST' : 'GET' }).end();
      } catch (error) {
        // An unknown or expired interaction: the person starts again from the service.
        send(res, 400, pages.error('This sign-in has expired. Go back to the service and sign in again.'), csp);
        if (!(error instanceof Error && error.name === 'SessionNotFound')) console.error(error);
      }
    })();
  });
  return { provider, server };
}
