import { isAbsolute } from 'node:path';
import { ConfigError, loadConfig } from '../../libs/config/src';

describe('service configuration from the environment', () => {
  it('gives the local-run defaults when nothing is set', () => {
    const config = loadConfig({});
    // toMatchObject: settings added later (with their own defaults) do not break this check.
    expect(config).toMatchObject({
      http: { port: 3000, publicBaseUrl: 'http://localhost:3000', consoleBaseUrl: 'http://localhost:3001' },
      temporal: { address: 'localhost:7233', namespace: 'default', taskQueue: 'asb-cases' },
      databaseUrl: 'postgres://asb:asb@localhost:5433/asb',
      mail: { smtpUrl: 'smtp://localhost:1025', from: 'ASB Case Service <asb-cases@localhost>' },
      logLevel: 'info',
      shutdownGraceSeconds: 25,
      auth: { audience: 'asb-case-service', devIssuerUrl: 'http://localhost:3100' },
    });
  });

  it('links emails to the console wherever WEB_BASE_URL puts it, without a trailing slash', () => {
    expect(loadConfig({ WEB_BASE_URL: 'https://asb.melton.gov.uk/' }).http.consoleBaseUrl).toBe('https://asb.melton.gov.uk');
    expect(() => loadConfig({ WEB_BASE_URL: 'asb.melton.gov.uk' })).toThrow(/WEB_BASE_URL/);
  });

  it('moves the local OpenID provider with DEV_ISSUER_URL, and refuses one that is not a URL', () => {
    expect(loadConfig({ DEV_ISSUER_URL: 'http://localhost:4100/' }).auth.devIssuerUrl).toBe('http://localhost:4100');
    expect(() => loadConfig({ DEV_ISSUER_URL: 'localhost' })).toThrow(/DEV_ISSUER_URL/);
  });

  it('finds the local staff directory in the checkout by default', () => {
    const { directoryPath } = loadConfig({});
    expect(isAbsolute(directoryPath)).toBe(true);
    expect(directoryPath.endsWith('deploy/local/directory.json')).toBe(true);
  });

  it('reads a port given as text', () => {
    expect(loadConfig({ PORT: '8080' }).http.port).toBe(8080);
  });

  it('drops a trailing slash from the public address', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://asb.melton.gov.uk/' }).http.publicBaseUrl).toBe('https://asb.melton.gov.uk');
  });

  it.each(['abc', '70000', '-1', '80.5'])('refuses PORT=%p with an error naming PORT', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: port })).toThrow(/PORT/);
  });

  it('refuses an unknown log level with an error naming LOG_LEVEL', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('refuses a public address that is not a URL', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'not a url' })).toThrow(/PUBLIC_BASE_URL/);
  });

  it('sends the managers\' digest at 07:00 on weekdays unless told otherwise, and can be switched off', () => {
    expect(loadConfig({}).mail.digestSchedule).toBe('0 7 * * 1-5');
    expect(loadConfig({ DIGEST_SCHEDULE: '30 6 * * *' }).mail.digestSchedule).toBe('30 6 * * *');
    expect(loadConfig({ DIGEST_SCHEDULE: 'off' }).mail).not.toHaveProperty('digestSchedule');
  });

  it('refuses a digest schedule that is not a cron expression, naming DIGEST_SCHEDULE', () => {
    expect(() => loadConfig({ DIGEST_SCHEDULE: 'every morning' })).toThrow(/DIGEST_SCHEDULE/);
  });

  it('treats an exported but empty variable as not set', () => {
    expect(loadConfig({ PORT: '', TEMPORAL_ADDRESS: '' })).toMatchObject({
      http: { port: 3000 },
      temporal: { address: 'localhost:7233' },
    });
  });
});

describe('document store configuration', () => {
  it('keeps documents in .data/documents of the checkout when DOCUMENT_STORE_URL is unset', () => {
    const { documentStore } = loadConfig({});
    expect(documentStore.kind).toBe('local');
    expect(documentStore.kind === 'local' && documentStore.root.endsWith('/.data/documents')).toBe(true);
  });

  it('reads a MinIO bucket with a prefix, addressed by path, with the keys given', () => {
    expect(
      loadConfig({
        DOCUMENT_STORE_URL: 's3://asb-documents/melton',
        S3_ENDPOINT: 'http://minio.internal:9000',
        S3_ACCESS_KEY_ID: 'asb',
        S3_SECRET_ACCESS_KEY: 'a-secret',
      }).documentStore,
    ).toEqual({
      kind: 's3',
      bucket: 'asb-documents',
      prefix: 'melton',
      endpoint: 'http://minio.internal:9000',
      region: 'eu-west-2',
      forcePathStyle: true,
      credentials: { accessKeyId: 'asb', secretAccessKey: 'a-secret' },
    });
  });

  it('addresses an AWS bucket by host name and leaves credentials to the AWS default chain', () => {
    expect(loadConfig({ DOCUMENT_STORE_URL: 's3://asb-documents', S3_REGION: 'eu-west-1' }).documentStore).toEqual({
      kind: 's3',
      bucket: 'asb-documents',
      region: 'eu-west-1',
      forcePathStyle: false,
    });
  });

  it('takes a folder as a file: URL', () => {
    expect(loadConfig({ DOCUMENT_STORE_URL: 'file:///srv/asb/documents' }).documentStore).toEqual({ kind: 'local', root: '/srv/asb/documents' });
  });

  it.each([
    [{ DOCUMENT_STORE_URL: 's3://' }, /DOCUMENT_STORE_URL/],
    [{ DOCUMENT_STORE_URL: 'https://bucket.example' }, /DOCUMENT_STORE_URL/],
    [{ DOCUMENT_STORE_URL: 's3://asb-documents', S3_ACCESS_KEY_ID: 'asb' }, /S3_SECRET_ACCESS_KEY/],
    [{ DOCUMENT_STORE_URL: 's3://asb-documents', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE/],
  ])('refuses %p naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
