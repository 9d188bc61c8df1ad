import { z } from 'zod';
import { type AppConfig, parseEnvironment } from '../../../libs/config/src';

/** The console's own settings; everything it shares with the API and the worker (its base URL too, which emails link to) comes from `loadConfig`. */
const WebEnvironment = z.object({
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});

export interface WebConfig {
  readonly port: number;
  /** Where people reach the console: the base of its own links (`WEB_BASE_URL`). */
  readonly baseUrl: string;
}

export function loadWebConfig(config: AppConfig, env: Record<string, string | undefined> = process.env): WebConfig {
  const e = parseEnvironment(WebEnvironment, env);
  return { port: e.WEB_PORT, baseUrl: config.http.consoleBaseUrl };
}

export const WEB_CONFIG = Symbol('WebConfig');
