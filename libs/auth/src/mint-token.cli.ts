import { parseArgs } from 'node:util';
import { loadConfig } from '../../config/src';
import { STAFF_ROLES } from '../../directory/src';
import { mintDevToken } from './dev-issuer';

/**
 * `npm run token -- --user amira.khan --role caseworker --team north`: a bearer token from the local
 * development issuer, for trying the API with curl or the docs page. Prints the token only.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      team: { type: 'string' },
      agency: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !(STAFF_ROLES as readonly string[]).includes(role));
  if (!values.user || roles.length === 0 || unknown.length > 0) {
    throw new Error(`usage: npm run token -- --user <id> --role <${STAFF_ROLES.join('|')}> [--role …] [--team <team>] [--agency <agency>] [--name <name>] [--hours 8]${unknown.length ? `\nunknown role: ${unknown.join(', ')}` : ''}`);
  }
  const config = loadConfig();
  if (config.auth.issuer) throw new Error(`OIDC_ISSUER is set (${config.auth.issuer}): get tokens from that identity provider`);
  const token = await mintDevToken(
    config.auth.devKeyPath,
    { sub: values.user, roles, ...(values.name ? { name: values.name } : {}), ...(values.team ? { team: values.team } : {}), ...(values.agency ? { agency: values.agency } : {}) },
    { audience: config.auth.audience, ttlSeconds: Number(values.hours) * 3600, issuer: config.auth.devIssuerUrl },
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
