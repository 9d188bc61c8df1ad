import { z } from 'zod';

/**
 * How the service proves itself to a Temporal cluster: nothing for a local server; TLS, with a client
 * certificate (mTLS, Temporal Cloud's certificate option or a self-hosted cluster's) or without one; and
 * an API key (Temporal Cloud's other option, always over TLS). Paths are read when a connection is made.
 */
export interface TemporalSecurity {
  readonly tls?: {
    readonly clientCertPath?: string;
    readonly clientKeyPath?: string;
    /** The CA that signed the server's certificate, when it is not one the system trusts. */
    readonly serverRootCaPath?: string;
    /** The name the server's certificate is checked against, when it is not the address's host. */
    readonly serverName?: string;
  };
  readonly apiKey?: string;
}

export const TemporalConnectionEnvironment = z.object({
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
});

/** The variables as one description, or why they contradict each other (naming the variable to set or unset). */
export function temporalSecurity(e: z.output<typeof TemporalConnectionEnvironment>): TemporalSecurity | string {
  if (e.TEMPORAL_TLS_CERT_PATH && !e.TEMPORAL_TLS_KEY_PATH) return 'TEMPORAL_TLS_KEY_PATH: required with TEMPORAL_TLS_CERT_PATH (the client certificate needs its private key)';
  if (e.TEMPORAL_TLS_KEY_PATH && !e.TEMPORAL_TLS_CERT_PATH) return 'TEMPORAL_TLS_CERT_PATH: required with TEMPORAL_TLS_KEY_PATH (the private key needs its client certificate)';
  const tlsAsked = Boolean(e.TEMPORAL_TLS_CERT_PATH || e.TEMPORAL_TLS_CA_PATH || e.TEMPORAL_TLS_SERVER_NAME || e.TEMPORAL_API_KEY);
  if (e.TEMPORAL_TLS === 'false' && tlsAsked) {
    // An API key or a certificate sent in the clear would give it away.
    return 'TEMPORAL_TLS: cannot be false with TEMPORAL_API_KEY or TEMPORAL_TLS_* set (they need TLS)';
  }
  if (!tlsAsked && e.TEMPORAL_TLS !== 'true') return {};
  return {
    tls: {
      ...(e.TEMPORAL_TLS_CERT_PATH ? { clientCertPath: e.TEMPORAL_TLS_CERT_PATH, clientKeyPath: e.TEMPORAL_TLS_KEY_PATH } : {}),
      ...(e.TEMPORAL_TLS_CA_PATH ? { serverRootCaPath: e.TEMPORAL_TLS_CA_PATH } : {}),
      ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverName: e.TEMPORAL_TLS_SERVER_NAME } : {}),
    },
    ...(e.TEMPORAL_API_KEY ? { apiKey: e.TEMPORAL_API_KEY } : {}),
  };
}
