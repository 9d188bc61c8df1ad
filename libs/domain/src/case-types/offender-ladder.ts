import type { LadderScope } from './process';

/** Why a case about a managed offender takes no ASB step: the licence or order is the law's answer. */
export const OFFENDER_LADDER: LadderScope = {
  steps: [],
  why: 'the person is managed under a licence or a community order (Criminal Justice Act 2003 ss.250, 254; Offender Rehabilitation Act 2014): a breach is taken back to court or to recall by probation. A Criminal Behaviour Order is made only by the sentencing court (2014 Act s.22); new anti-social conduct opens an ASB case',
};
