/**
 * What the campaign runs against: a stack whose processes it can kill, and where to look afterwards.
 * The cluster (deploy/cluster) is the real one; a test may give a smaller stack with fewer faults.
 */
export interface CampaignTarget {
  /** The API as clients reach it: through the load balancer when there is one. */
  readonly apiUrl: string;
  /** The application's PostgreSQL: the read model, the alert outbox. */
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  /** Where the SMTP capture keeps one .eml file per message it accepted. */
  readonly mailboxDir: string;
  /** The development issuer's signing key the API trusts, the issuer it expects (its default when absent), and the audience. */
  readonly devKeyPath: string;
  readonly issuer?: string;
  readonly audience: string;
  /** The faults this target can inject, in the order the campaign runs them. */
  readonly faults: readonly Fault[];
  /** Resolves once every process answers its health check again. */
  waitHealthy(timeoutMs: number): Promise<void>;
}

export interface Fault {
  /** Its row in the table. */
  readonly name: string;
  /** What a dependency is down during it, for the 503 check: the API must answer 503 with Retry-After, never 500. */
  readonly dependency?: string;
  /** Kills or stops it. A kill -9 under a supervisor needs no `heal`: the supervisor restarts it. */
  inject(): Promise<void>;
  /** Brings back what `inject` stopped, after `downForMs`. */
  heal?(): Promise<void>;
  readonly downForMs?: number;
}
