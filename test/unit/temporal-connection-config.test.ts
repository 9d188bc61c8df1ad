import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../libs/config/src';
import { temporalConnectionOptions } from '../../libs/temporal/src';

describe('Temporal connection security from the environment', () => {
  it('a local server: no TLS, no key', () => {
    expect(loadConfig({}).temporal.security).toEqual({});
    expect(temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'temporal:7233' }).temporal)).toEqual({ address: 'temporal:7233' });
  });

  it('a client certificate without its key is refused at start, naming the missing variable', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/certs/client.pem' })).toThrow(ConfigError);
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: '/certs/client.pem' })).toThrow(/TEMPORAL_TLS_KEY_PATH: required with TEMPORAL_TLS_CERT_PATH/);
    expect(() => loadConfig({ TEMPORAL_TLS_KEY_PATH: '/certs/client.key' })).toThrow(/TEMPORAL_TLS_CERT_PATH: required with TEMPORAL_TLS_KEY_PATH/);
  });

  it('an API key implies TLS, and cannot be sent with TLS switched off', () => {
    expect(loadConfig({ TEMPORAL_API_KEY: 'k' }).temporal.security).toEqual({ tls: {}, apiKey: 'k' });
    expect(() => loadConfig({ TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' })).toThrow(/TEMPORAL_TLS: cannot be false/);
    expect(temporalConnectionOptions(loadConfig({ TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233', TEMPORAL_API_KEY: 'k' }).temporal)).toEqual({ address: 'ns.acct.tmprl.cloud:7233', tls: {}, apiKey: 'k' });
  });

  it('mTLS: the certificate, key and CA are read from their files, with the server name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
    for (const name of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(join(dir, name), `contents of ${name}`);
    const config = loadConfig({
      TEMPORAL_TLS_CERT_PATH: join(dir, 'client.pem'),
      TEMPORAL_TLS_KEY_PATH: join(dir, 'client.key'),
      TEMPORAL_TLS_CA_PATH: join(dir, 'ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    const options = temporalConnectionOptions(config.temporal);
    expect(options.tls?.serverNameOverride).toBe('temporal.internal');
    expect(Buffer.from(options.tls!.clientCertPair!.crt).toString()).toBe('contents of client.pem');
    expect(Buffer.from(options.tls!.clientCertPair!.key).toString()).toBe('contents of client.key');
    expect(Buffer.from(options.tls!.serverRootCACertificate!).toString()).toBe('contents of ca.pem');
    expect(options.apiKey).toBeUndefined();
  });

  it('TEMPORAL_TLS=true alone: TLS against a server the system trusts, no client certificate', () => {
    expect(temporalConnectionOptions(loadConfig({ TEMPORAL_TLS: 'true' }).temporal)).toEqual({ address: 'localhost:7233', tls: {} });
  });

  it('an unreadable file fails naming its variable', () => {
    const config = loadConfig({ TEMPORAL_TLS_CERT_PATH: '/nonexistent/client.pem', TEMPORAL_TLS_KEY_PATH: '/nonexistent/client.key' });
    expect(() => temporalConnectionOptions(config.temporal)).toThrow('TEMPORAL_TLS_CERT_PATH: cannot read /nonexistent/client.pem (ENOENT)');
  });

  it("the worker's HTTP port, and the SDK's metrics beside it on loopback unless placed", () => {
    expect(loadConfig({}).workerHttp).toEqual({ port: 3010, sdkMetricsBindAddress: '127.0.0.1:3011' });
    expect(loadConfig({ WORKER_HTTP_PORT: '9000', TEMPORAL_METRICS_BIND_ADDRESS: '0.0.0.0:9464' }).workerHttp).toEqual({ port: 9000, sdkMetricsBindAddress: '0.0.0.0:9464' });
    expect(loadConfig({ WORKER_HTTP_PORT: '0' }).workerHttp).toEqual({ port: 0 });
  });
});
