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
