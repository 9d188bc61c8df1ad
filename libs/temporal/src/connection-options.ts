import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { TemporalSecurity } from '../../config/src';

/** What both Temporal connections (the client's and the worker's native one) take to reach the server. */
export interface TemporalConnectionOptions {
  readonly address: string;
  readonly tls?: TLSConfig;
  readonly apiKey?: string;
}

/** The address and security of the configuration, with the files read: an unreadable one fails naming its variable. */
export function temporalConnectionOptions(target: { readonly address: string; readonly security: TemporalSecurity }): TemporalConnectionOptions {
  const { tls, apiKey } = target.security;
  if (!tls) return { address: target.address, ...(apiKey ? { apiKey } : {}) };
  const config: TLSConfig = {
    ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
    ...(tls.serverRootCaPath ? { serverRootCACertificate: readNamed('TEMPORAL_TLS_CA_PATH', tls.serverRootCaPath) } : {}),
    ...(tls.clientCertPath && tls.clientKeyPath
      ? { clientCertPair: { crt: readNamed('TEMPORAL_TLS_CERT_PATH', tls.clientCertPath), key: readNamed('TEMPORAL_TLS_KEY_PATH', tls.clientKeyPath) } }
      : {}),
  };
  return { address: target.address, tls: config, ...(apiKey ? { apiKey } : {}) };
}

function readNamed(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

/** Only the connection's own fields, from a description that carries more (a namespace, a task queue). */
export function connectionOnly({ address, tls, apiKey }: TemporalConnectionOptions): TemporalConnectionOptions {
  return { address, ...(tls ? { tls } : {}), ...(apiKey ? { apiKey } : {}) };
}
