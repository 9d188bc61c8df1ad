import { z } from 'zod';
import { parseEnvironment } from '../../../libs/config/src';

/** The console's own settings; everything it shares with the API (database, Temporal, directory) comes from `loadConfig`. */
const WebEnvironment = z.object({
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  WEB_BASE_URL: z.url().default('http://localhost:3001'),
});

export interface WebConfig {
  readonly port: number;
  /** Where people reach the console: the base of its own links. */
  readonly baseUrl: string;
}

export function loadWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  const e = parseEnvironment(WebEnvironment, env);
  return { port: e.WEB_PORT, baseUrl: e.WEB_BASE_URL.replace(/\/$/, '') };
}

export const WEB_CONFIG = Symbol('WebConfig');
