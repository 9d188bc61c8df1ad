/**
 * HAProxy in front of the API instances. It asks each instance's /health every second: two failed
 * checks take an instance out of rotation, two good ones bring it back. A request that cannot reach
 * an instance (killed between two checks) is sent to the other one instead of failing.
 */
export function haproxyConfig(options: { port: number; apis: readonly { name: string; port: number }[] }): string {
  return `${[
    'global',
    '  log stdout format raw local0 info',
    '',
    'defaults',
    '  mode http',
    '  log global',
    '  option httplog',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  option redispatch',
    '  retries 3',
    '  retry-on conn-failure empty-response',
    // HAProxy's own answers when no instance can take a request (every /health failing while PostgreSQL or
    // Temporal is down, or both restarting) say what the APIs' own do: a problem, and when to retry.
    ...GATEWAY_ERRORS.map(({ status, title, detail }) => `  http-error status ${status} content-type "application/problem+json" hdr "Retry-After" "5" string ${problemString(status, title, detail)}`),
    '',
    'frontend api',
    `  bind 127.0.0.1:${options.port}`,
    '  default_backend apis',
    '',
    'backend apis',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 2',
    ...options.apis.map((api) => `  server ${api.name} 127.0.0.1:${api.port} check`),
  ].join('\n')}\n`;
}

const GATEWAY_ERRORS = [
  { status: 502, title: 'No answer from an API instance', detail: 'the API instance went away before it answered' },
  { status: 503, title: 'No API instance is available', detail: 'every API instance is out of rotation: a dependency is down, or they are restarting' },
  { status: 504, title: 'An API instance did not answer in time', detail: 'the API instance took too long to answer' },
] as const;

/** A problem (RFC 9457) as a double-quoted HAProxy string: the same shape as the API's own 503. */
function problemString(status: number, title: string, detail: string): string {
  const problem = {
    type: 'https://asb-case-service.example/problems/gateway',
    title,
    status,
    detail: `${detail}. Retry after Retry-After with the same Idempotency-Key: it acts at most once.`,
  };
  return JSON.stringify(JSON.stringify(problem));
}
