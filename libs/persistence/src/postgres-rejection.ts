/**
 * PostgreSQL's answers that no retry can change: the statement is refused for what it carries, and the
 * same statement is refused again however often it is sent. SQLSTATE classes per the PostgreSQL manual,
 * Appendix A.
 */
const PERMANENT_CLASSES: Readonly<Record<string, string>> = {
  '22': 'data exception',
  '23': 'integrity constraint violation',
};

/**
 * A text value holding NUL (U+0000) never reaches PostgreSQL's data checks: MikroORM writes the
 * parameters into the statement's text, and PostgreSQL refuses a statement with a NUL inside it as
 * 08P01 "invalid message format" (through `pg`'s own parameters it is 22021, and inside jsonb 22P05).
 * It is the one code of the connection class (08) that is about the message, not the connection.
 */
const PERMANENT_CODES: Readonly<Record<string, string>> = { '08P01': 'protocol violation' };

const SQLSTATE = /^[0-9A-Z]{5}$/;

export interface PostgresRejection {
  readonly sqlState: string;
  readonly condition: string;
  /** PostgreSQL's own message, first line only and without a value it quoted: that value may be the data refused. */
  readonly message: string;
}

/** The rejection an error stands for, or undefined when it may pass (a connection lost, the server restarting, a lock). */
export function postgresRejectionOf(error: unknown): PostgresRejection | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string' || !SQLSTATE.test(code)) continue;
    const condition = PERMANENT_CODES[code] ?? PERMANENT_CLASSES[code.slice(0, 2)];
    return condition ? { sqlState: code, condition, message: withoutData(String((current as { message?: unknown }).message ?? '')) } : undefined;
  }
  return undefined;
}

function withoutData(message: string): string {
  const firstLine = message.split('\n')[0] ?? '';
  // `invalid input syntax for type date: "…"`, `value too long for type character varying(40)`: keep what, drop the value.
  const general = firstLine.replace(/:\s*".*$/s, '').replace(/[\p{Cc}\p{Cs}]/gu, '');
  return general.length > 200 ? `${general.slice(0, 199)}…` : general;
}
