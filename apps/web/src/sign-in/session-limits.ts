/** A session ends after 30 minutes without a request (the cookie and the stored row both expire), and 8 hours after sign-in in any case. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
