import { type EnforcementStep, localDate } from '../../libs/domain/src';
import { DARREN } from './case-builder';

/** Steps as the case file records them, for the notices' tests: a CPW served on Darren, then a CPN with two requirements. */
export const CPW_STEP: EnforcementStep = {
  id: 'step-1',
  kind: 'COMMUNITY_PROTECTION_WARNING',
  level: 3,
  subjectId: DARREN.id,
  takenAt: '2026-11-02T10:00:00Z',
  takenBy: 'amira.khan',
  notes: 'Amplified music from the flat most nights after midnight.',
  complianceDueOn: localDate('2026-11-16'),
  breaches: [],
};

export const CPN_REQUIREMENTS = ['Play no amplified music after 11pm.', 'Remove the speakers from the balcony.'];

export const CPN_STEP: EnforcementStep = {
  id: 'step-2',
  kind: 'COMMUNITY_PROTECTION_NOTICE',
  level: 4,
  subjectId: DARREN.id,
  takenAt: '2026-12-01T10:00:00Z',
  takenBy: 'amira.khan',
  requirements: [
    { text: CPN_REQUIREMENTS[0]!, dueOn: localDate('2026-12-01') },
    { text: CPN_REQUIREMENTS[1]!, dueOn: localDate('2026-12-15') },
  ],
  breaches: [],
};

/** The CPN above with a breach recorded, and the fixed penalty that meets it. */
export const BREACHED_CPN_STEP: EnforcementStep = {
  ...CPN_STEP,
  breaches: [{ at: '2026-12-05T22:30:00Z', description: 'Amplified music from the flat until 1am, heard by the patrol.', recordedBy: 'amira.khan' }],
};

export const FPN_STEP: EnforcementStep = {
  id: 'step-3',
  kind: 'FIXED_PENALTY_NOTICE',
  level: 4,
  subjectId: DARREN.id,
  takenAt: '2026-12-07T11:00:00Z',
  takenBy: 'amira.khan',
  amountPounds: 100,
  followsStepId: CPN_STEP.id,
  breaches: [],
};
