/** The actor recorded for what the service does by itself: a deadline passing, an alert sent, retention. */
export const SYSTEM_ACTOR = 'system';
