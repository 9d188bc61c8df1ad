import { type EnforcementStep, type LegalReferral, localDate } from '../../libs/domain/src';
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

export const WRITTEN_WARNING_STEP: EnforcementStep = {
  id: 'step-4',
  kind: 'WRITTEN_WARNING',
  level: 1,
  subjectId: DARREN.id,
  takenAt: '2026-10-05T09:00:00Z',
  takenBy: 'amira.khan',
  notes: 'Shouting abuse at neighbours in the stairwell.',
  breaches: [],
};

export const ABC_STEP: EnforcementStep = {
  id: 'step-5',
  kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  level: 2,
  subjectId: DARREN.id,
  takenAt: '2026-10-20T14:00:00Z',
  takenBy: 'amira.khan',
  notes: 'Not to play amplified music after 11pm. Not to shout at or threaten neighbours.',
  breaches: [],
};

/** A council closure notice on the flat, issued at 10:00 on 1 December, its hearing listed for the next afternoon. */
export const CLOSURE_NOTICE_STEP: EnforcementStep = {
  id: 'step-6',
  kind: 'CLOSURE_NOTICE',
  level: 5,
  takenAt: '2026-12-01T10:00:00Z',
  takenBy: 'amira.khan',
  premises: 'Flat 4, Wilton Court, Melton Mowbray LE13 0AB',
  issuedBy: 'COUNCIL',
  extended: false,
  legalReferralId: 'legal-1',
  breaches: [],
};

export const CLOSURE_REFERRAL: LegalReferral = {
  id: 'legal-1',
  stepId: CLOSURE_NOTICE_STEP.id,
  stepKind: 'CLOSURE_NOTICE',
  status: 'HEARING_LISTED',
  referredAt: '2026-12-01T10:00:00Z',
  youth: false,
  hearing: { at: '2026-12-02T14:30:00Z', court: 'MAGISTRATES_COURT', listings: 1 },
  breaches: [],
};
