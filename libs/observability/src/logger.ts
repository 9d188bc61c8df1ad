import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The process's one logger: a JSON object a line on stdout (or `destination`), at `LOG_LEVEL`, with
 * the level as its name (`"level":"info"`) and an ISO time, which log pipelines read without a mapping.
 * For a person at a terminal: `| npx pino-pretty`.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The bearer token, the session cookie and the API key never reach a log line.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'apiKey', '*.apiKey'], censor: '[redacted]' },
    },
    destination,
  );
}
