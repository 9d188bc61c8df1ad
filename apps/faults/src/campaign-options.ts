import type { CampaignOptions } from './campaign';

/** The full campaign (`npm run faults`): about ten minutes of load across every fault. */
export const FULL_CAMPAIGN: Omit<CampaignOptions, 'dataDir'> = {
  load: { lanes: 4, commandsPerCase: 6, thinkMs: 250, lateEvery: 3 },
  schedule: { baselineMs: 60_000, faultMs: 30_000, recoveryTimeoutMs: 5 * 60_000, successesToRecover: 5, settleMs: 45_000 },
  checks: { graceMs: 3 * 60_000 },
};

/** The form inside `npm test`: each fault once, a small load, a few minutes. */
export const SHORT_CAMPAIGN: Omit<CampaignOptions, 'dataDir'> = {
  load: { lanes: 3, commandsPerCase: 4, thinkMs: 300, lateEvery: 3 },
  schedule: { baselineMs: 15_000, faultMs: 8_000, recoveryTimeoutMs: 4 * 60_000, successesToRecover: 3, settleMs: 8_000 },
  checks: { graceMs: 2 * 60_000 },
};
