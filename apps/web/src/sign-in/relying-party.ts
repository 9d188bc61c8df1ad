import * as oidc from 'openid-client';
import { type Caller, CallerClaims, callerFrom } from '../../../../libs/auth/src';
import { IDLE_TIMEOUT_MS } from './session-limits';
import type { SignInConfig } from './sign-in-config';

/**
 * The provider is asked to have checked who the person is within the idle timeout: a console session
 * that lapsed after 30 idle minutes is not silently renewed by an older sign-in at the provider.
 */
const MAX_AUTHENTICATION_AGE_SECONDS = IDLE_TIMEOUT_MS / 1000;

/** What the sign-in keeps in the session between sending a person to the provider and their return. */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly returnTo: string;
}

export class SignInRefused extends Error {}

/**
 * The console as an OpenID Connect relying party (`openid-client`): authorization code flow with PKCE
 * (S256), state and nonce. The caller is read from the ID token's claims by the API's own rule
 * (`CallerClaims`, `callerFrom`), so the console and the API see the same person with the same roles.
 */
export class RelyingParty {
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: SignInConfig) {}

  /** Discovery on first use, and again after a failure: the console starts even while the provider is down. */
  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        this.config.clientSecret,
        this.config.clientSecret ? undefined : oidc.None(),
        // Only the local provider is reached over plain HTTP.
        this.config.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }

  async start(returnTo: string): Promise<{ url: string; pending: PendingSignIn }> {
    const configuration = await this.configuration();
    const pending = { codeVerifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), returnTo };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      max_age: String(MAX_AUTHENTICATION_AGE_SECONDS),
    });
    return { url: url.href, pending };
  }

  /** The provider's answer at the callback URL: the code exchanged, the ID token verified, its claims read as a caller. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ caller: Caller; idToken: string }> {
    const tokens = await oidc.authorizationCodeGrant(await this.configuration(), callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      maxAge: MAX_AUTHENTICATION_AGE_SECONDS,
      idTokenExpected: true,
    });
    const claims = CallerClaims.safeParse(tokens.claims());
    if (!claims.success) throw new SignInRefused(`the ID token's claims: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return { caller: callerFrom(claims.data), idToken: tokens.id_token! };
  }

  /** Where to send a person to end their session at the provider too, so that the next sign-in asks who they are. */
  async signOutUrl(idToken: string | undefined): Promise<string> {
    const configuration = await this.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return this.config.signedOutUri;
    return oidc.buildEndSessionUrl(configuration, { post_logout_redirect_uri: this.config.signedOutUri, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
  }
}
