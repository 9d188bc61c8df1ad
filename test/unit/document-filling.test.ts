import {
  type Closure,
  type CommunityTrigger,
  DOCUMENT_TEMPLATES,
  type DocumentKind,
  type DocumentRequest,
  type DocumentSource,
  type EnforcementStep,
  fillDocument,
  type FilledDocument,
  type LegalReferral,
  POLICY_VERSIONS,
  STATUTORY_RULES_2014_ACT,
} from '../../libs/domain/src';
import { DARREN, MARGARET } from './case-builder';
import {
  ABC_STEP as ABC,
  BREACHED_CPN_STEP,
  CLOSURE_NOTICE_STEP as CLOSURE,
  CLOSURE_REFERRAL,
  CPN_STEP as CPN,
  CPW_STEP as CPW,
  FPN_STEP as FPN,
  WRITTEN_WARNING_STEP as WARNING,
} from './notice-steps';

const POLICY = POLICY_VERSIONS[0]!;

function source(...enforcement: EnforcementStep[]): DocumentSource {
  return filedWith({ enforcement });
}

function filedWith(file: { enforcement?: EnforcementStep[]; legalReferrals?: LegalReferral[]; communityTriggers?: CommunityTrigger[]; closure?: Closure }): DocumentSource {
  const { closure, ...parts } = file;
  return {
    reference: 'ASB-2026-000123',
    parts: { subjects: [DARREN], complainants: [MARGARET], enforcement: [], legalReferrals: [], ...parts },
    ...(closure ? { closure } : {}),
    statutory: STATUTORY_RULES_2014_ACT,
    local: POLICY.local,
  };
}

/** The sample policy with early-payment terms added from 1 December 2026, as a partnership would publish them: a new version. */
const EARLY_PAYMENT_POLICY = [
  POLICY,
  { ...POLICY, id: '2026.2', effectiveFrom: '2026-12-01', local: { ...POLICY.local, fixedPenaltyEarlyPayment: { reducedAmountPounds: 75, withinDays: 10 } } },
];

const CLOSED: Closure = {
  reason: 'RESOLVED',
  explanationToComplainant: 'The music has stopped since the closure order, and the police patrols have found no more trouble.',
  requestedBy: 'amira.khan',
  requestedAt: '2026-12-09T10:00:00Z',
  stageBefore: 'ACTIVE',
  approvedBy: 'sam.patel',
  closedAt: '2026-12-10T15:00:00Z',
};

const CASE_REVIEW: CommunityTrigger = {
  id: 'case-review-1',
  applicant: 'VICTIM',
  applicantName: 'Margaret Ellis',
  receivedAt: '2026-11-02T09:00:00Z',
  recordedBy: 'amira.khan',
  status: 'OUTCOME_SENT',
  assessment: { met: true, qualifying: [], explanation: '3 qualifying complaints in 6 months.' },
  thresholdDecision: { met: true, reason: 'Three complaints in six months.', decidedBy: 'jo.case', at: '2026-11-06T09:00:00Z' },
  meeting: { recommendations: 'Housing to start possession proceedings; police to patrol nightly for a month.', heldAt: '2026-11-25T13:00:00Z' },
  outcome: { summary: 'Housing has served notice of seeking possession, and nightly patrols began on 26 November.', sentAt: '2026-11-30T10:00:00Z' },
};

/** The notice as one text, as a reader (or a PDF's text layer) has it. */
function textOf(document: FilledDocument): string {
  return [document.title, ...document.sections.flatMap((section) => [section.heading, ...section.blocks.flatMap((block) => ('list' in block ? block.list : [block.paragraph]))])].join('\n');
}

function filled(result: ReturnType<typeof fillDocument>): FilledDocument {
  if ('incomplete' in result) throw new Error(`refused: ${result.incomplete.missing}`);
  return result.document;
}

describe('filling a notice from the case file', () => {
  it('a CPN lists each requirement with its date, the offence, the fixed penalty of the day and the right to appeal within 21 days, the day of issue being day 1', () => {
    const document = filled(fillDocument(source(CPW, CPN), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' }));

    expect(document).toMatchObject({ kind: 'COMMUNITY_PROTECTION_NOTICE', templateVersion: '2026.1', title: 'Community Protection Notice', language: 'en-GB' });
    const requirements = document.sections.find((section) => section.heading === 'What you are required to do')?.blocks[1];
    expect(requirements).toEqual({ list: ['Play no amplified music after 11pm. By 1 December 2026.', 'Remove the speakers from the balcony. By 15 December 2026.'] });
    const text = textOf(document);
    expect(text).toContain('Darren Cole');
    expect(text).toContain('Issued on 1 December 2026.');
    expect(text).toContain('criminal offence (section 48 of the Act)');
    expect(text).toContain('fixed penalty notice of up to £100 (section 52)');
    expect(text).toContain('appeal against this notice to a magistrates’ court within 21 days, beginning with the day you were given it, which counts as the first day (section 46)');
    // 1 December is day 1, so day 21 is 21 December.
    expect(text).toContain('If you were given it on the day it was issued, the last day to appeal is 21 December 2026.');
  });

  it('dates a notice entered late by when it was issued: its appeal window runs from then', () => {
    const servedEarlier = { ...CPN, takenAt: '2026-11-20T16:00:00Z' };
    const text = textOf(filled(fillDocument(source(servedEarlier), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })));
    expect(text).toContain('Issued on 20 November 2026.');
    expect(text).toContain('the last day to appeal is 10 December 2026');
  });

  it('counts the appeal window of a CPN whose service is recorded from the day it was served', () => {
    const served = { ...CPN, service: { method: 'BY_POST' as const, servedAt: '2026-12-03T09:00:00Z', servedBy: 'amira.khan', recordedBy: 'amira.khan' } };
    const text = textOf(filled(fillDocument(source(served), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })));
    expect(text).toContain('You were given it on 3 December 2026, so the last day to appeal is 23 December 2026.');
  });

  it('refuses a CPN with no requirement, naming the field', () => {
    expect(fillDocument(source({ ...CPN, requirements: [] }), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })).toEqual({
      incomplete: { missing: 'requirements', message: 'a Community Protection Notice states at least one requirement, each with the date by which it must be met' },
    });
  });

  it('a CPW states the conduct, that it must stop within its compliance period, and that a CPN may follow', () => {
    const text = textOf(filled(fillDocument(source(CPW), { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: 'step-1' })));
    expect(text).toContain('Amplified music from the flat most nights after midnight.');
    expect(text).toContain('by 16 November 2026: 14 days from the day this warning was issued');
    expect(text).toContain('a Community Protection Notice may be issued to you under section 43');
  });

  it('refuses a CPW whose conduct is not recorded, naming the field', () => {
    const { notes: _notes, ...withoutConduct } = CPW;
    expect(fillDocument(source(withoutConduct), { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: 'step-1' })).toMatchObject({ incomplete: { missing: 'notes' } });
  });

  it('refuses a notice for a step that is not of its kind, or names no subject', () => {
    expect(fillDocument(source(CPW), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-1' })).toMatchObject({ incomplete: { missing: 'stepId' } });
    const { subjectId: _subject, ...toNobody } = CPN;
    expect(fillDocument(source(toNobody), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })).toMatchObject({ incomplete: { missing: 'subjectId' } });
  });

  it('an FPN states the breach and its date, the amount, who to pay and where, and the 14 days without prosecution with their last day', () => {
    const text = textOf(filled(fillDocument(source(BREACHED_CPN_STEP, FPN), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })));
    expect(text).toContain('the Community Protection Notice issued to you on 1 December 2026');
    expect(text).toContain('The circumstances of the failure, on 5 December 2026: Amplified music from the flat until 1am, heard by the patrol.');
    expect(text).toContain('a fixed penalty of £100');
    expect(text).toContain('Pay it to Melton Borough Council, Community Safety Team, at Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH, by the end of 21 December 2026.');
    expect(text).toContain('before the end of the 14 days following the date of this notice');
  });

  it('refuses an FPN whose breach is not recorded, or whose amount is not, naming the field', () => {
    expect(fillDocument(source(CPN, FPN), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })).toMatchObject({ incomplete: { missing: 'breaches' } });
    const { amountPounds: _amount, ...noAmount } = FPN;
    expect(fillDocument(source(BREACHED_CPN_STEP, noAmount), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })).toMatchObject({ incomplete: { missing: 'amountPounds' } });
  });

  it('an FPN states the reduced amount and its last day when the policy in force on its day has early-payment terms, and not before they take effect', () => {
    const withTerms = { ...source(BREACHED_CPN_STEP, FPN), policyVersions: EARLY_PAYMENT_POLICY };
    const text = textOf(filled(fillDocument(withTerms, { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })));
    // Issued 7 December: 10 days following it end on 17 December.
    expect(text).toContain('If you pay by the end of 17 December 2026 (10 days following the date of this notice), you pay a reduced amount of £75.');
    expect(text).toContain('a fixed penalty of £100');

    const before = { ...withTerms, parts: { ...withTerms.parts, enforcement: [BREACHED_CPN_STEP, { ...FPN, takenAt: '2026-11-30T11:00:00Z' }] } };
    expect(textOf(filled(fillDocument(before, { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })))).not.toContain('reduced amount');
    // The policy the service runs today has no early-payment terms: the notice says nothing of them.
    expect(textOf(filled(fillDocument(source(BREACHED_CPN_STEP, FPN), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })))).not.toContain('reduced amount');
  });

  it('states no early payment when the reduced amount would not be less than the penalty', () => {
    const small = { ...source(BREACHED_CPN_STEP, { ...FPN, amountPounds: 60 }), policyVersions: EARLY_PAYMENT_POLICY };
    expect(textOf(filled(fillDocument(small, { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })))).not.toContain('reduced amount');
  });

  it('a written warning states the behaviour, that it must stop, and the day it is checked', () => {
    const document = filled(fillDocument(source(WARNING), { kind: 'WRITTEN_WARNING', stepId: 'step-4' }));
    expect(document).toMatchObject({ title: 'Written warning about anti-social behaviour', templateVersion: '2026.1' });
    expect(document.authority).toContain('Anti-social Behaviour, Crime and Policing Act 2014');
    const text = textOf(document);
    expect(text).toContain('Darren Cole');
    expect(text).toContain('Shouting abuse at neighbours in the stairwell.');
    // 14 days (the policy's) from 5 October.
    expect(text).toContain('You must stop this behaviour now. We will check on 19 October 2026, 14 days from the day of this warning, whether it has stopped.');
    expect(text).toContain('a civil injunction (Part 1 of the Act)');
  });

  it('an Acceptable Behaviour Contract states its terms, that it is voluntary, how long it runs and when it is reviewed', () => {
    const text = textOf(filled(fillDocument(source(ABC), { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', stepId: 'step-5' })));
    expect(text).toContain('Not to play amplified music after 11pm. Not to shout at or threaten neighbours.');
    expect(text).toContain('This contract lasts 6 months, from 20 October 2026 to 20 April 2027. We will meet you to review how it is going on 20 January 2027.');
    expect(text).toContain('This contract is voluntary.');
  });

  it('refuses a written warning or an ABC whose behaviour or terms are not recorded, naming the field', () => {
    const { notes: _w, ...bareWarning } = WARNING;
    const { notes: _a, ...bareContract } = ABC;
    expect(fillDocument(source(bareWarning), { kind: 'WRITTEN_WARNING', stepId: 'step-4' })).toMatchObject({ incomplete: { missing: 'notes' } });
    expect(fillDocument(source(bareContract), { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', stepId: 'step-5' })).toMatchObject({ incomplete: { missing: 'notes' } });
  });

  it('a closure notice names the premises, who may still enter, its 24 hours with their end, the offence, the hearing and where to get advice (s.76(6))', () => {
    const document = filled(fillDocument(filedWith({ enforcement: [CLOSURE], legalReferrals: [CLOSURE_REFERRAL] }), { kind: 'CLOSURE_NOTICE', stepId: 'step-6' }));
    expect(document).toMatchObject({ title: 'Closure notice', authority: 'Anti-social Behaviour, Crime and Policing Act 2014, sections 76 and 77' });
    const text = textOf(document);
    expect(text).toContain('Flat 4, Wilton Court, Melton Mowbray LE13 0AB');
    expect(text).toContain('Issued by the council at 10:00 on 1 December 2026.');
    expect(text).toContain('No one may enter or stay on the premises, except people who usually live there and the owner. This notice is in force until 10:00 on 2 December 2026: 24 hours from when it was issued.');
    expect(text).toContain('a criminal offence (section 86 of the Act)');
    expect(text).toContain('The court will hear the application at 14:30 on 2 December 2026. The court is Leicester Magistrates’ Court');
    expect(text).toContain('for up to 3 months, and it can be extended to 6 months in total');
    expect(text).toContain('For advice about housing:');
  });

  it('a closure notice extended to 48 hours says so, and who authorised it', () => {
    const extended = { ...CLOSURE, extended: true, issuedBy: 'POLICE_INSPECTOR' };
    const text = textOf(filled(fillDocument(filedWith({ enforcement: [extended], legalReferrals: [CLOSURE_REFERRAL] }), { kind: 'CLOSURE_NOTICE', stepId: 'step-6' })));
    expect(text).toContain('in force until 10:00 on 3 December 2026: 48 hours from when it was issued. It lasts 48 hours because a police superintendent authorised it (section 77 of the Act).');
  });

  it('refuses a closure notice whose hearing is not listed, or is listed more than 48 hours after service, naming the field', () => {
    const unlisted = { ...CLOSURE_REFERRAL, status: 'PROCEEDING' as const };
    delete (unlisted as { hearing?: unknown }).hearing;
    expect(fillDocument(filedWith({ enforcement: [CLOSURE], legalReferrals: [unlisted] }), { kind: 'CLOSURE_NOTICE', stepId: 'step-6' })).toMatchObject({ incomplete: { missing: 'hearing' } });
    const late = { ...CLOSURE_REFERRAL, hearing: { ...CLOSURE_REFERRAL.hearing!, at: '2026-12-03T10:30:00Z' } };
    expect(fillDocument(filedWith({ enforcement: [CLOSURE], legalReferrals: [late] }), { kind: 'CLOSURE_NOTICE', stepId: 'step-6' })).toEqual({
      incomplete: { missing: 'hearing', message: 'the application for a closure order is heard within 48 hours of the notice being served (section 81(3)): the hearing listed is later' },
    });
  });

  it('the letter to a complainant says the case is closed, why, until when it can be re-opened, and their right to an ASB Case Review', () => {
    const document = filled(fillDocument(filedWith({ closure: CLOSED }), { kind: 'CASE_CLOSED_LETTER', complainantId: MARGARET.id }));
    expect(document.authority).toContain('section 104 of the Anti-social Behaviour, Crime and Policing Act 2014');
    const text = textOf(document);
    expect(text).toContain('Margaret Ellis');
    expect(text).toContain('Case reference ASB-2026-000123. Closed on 10 December 2026.');
    expect(text).toContain(CLOSED.explanationToComplainant);
    expect(text).toContain('Until 10 March 2027 (3 months from the day it closed) we can open this case again.');
    expect(text).toContain('We will contact you within 10 working days');
    expect(text).toContain('3 times or more in 6 months, you can ask for an ASB Case Review');
  });

  it('refuses the closed-case letter before the closure is approved, or to someone who is not a complainant, naming the field', () => {
    const { approvedBy: _by, closedAt: _at, ...requested } = CLOSED;
    expect(fillDocument(filedWith({ closure: requested }), { kind: 'CASE_CLOSED_LETTER', complainantId: MARGARET.id })).toMatchObject({ incomplete: { missing: 'closure' } });
    expect(fillDocument(filedWith({}), { kind: 'CASE_CLOSED_LETTER', complainantId: MARGARET.id })).toMatchObject({ incomplete: { missing: 'closure' } });
    expect(fillDocument(filedWith({ closure: CLOSED }), { kind: 'CASE_CLOSED_LETTER', complainantId: DARREN.id })).toMatchObject({ incomplete: { missing: 'complainantId' } });
  });

  it('the ASB Case Review outcome letter states when it was asked for, the meeting, its recommendations and the outcome', () => {
    const document = filled(fillDocument(filedWith({ communityTriggers: [CASE_REVIEW] }), { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' }));
    expect(document).toMatchObject({ title: 'The outcome of your ASB Case Review', authority: 'Anti-social Behaviour, Crime and Policing Act 2014, section 104 and Schedule 4' });
    const text = textOf(document);
    expect(text).toContain('Margaret Ellis');
    expect(text).toContain('You asked for an ASB Case Review on 2 November 2026.');
    expect(text).toContain('met on 25 November 2026');
    expect(text).toContain(CASE_REVIEW.meeting!.recommendations);
    expect(text).toContain(CASE_REVIEW.outcome!.summary);
  });

  it('refuses the outcome letter before the meeting or the outcome is recorded, or for a review not on the case, naming the field', () => {
    const { meeting: _m, outcome: _o, ...applied } = CASE_REVIEW;
    const { outcome: _outcome, ...met } = CASE_REVIEW;
    const letter = { kind: 'CASE_REVIEW_OUTCOME_LETTER', caseReviewId: 'case-review-1' } as const;
    expect(fillDocument(filedWith({ communityTriggers: [applied] }), letter)).toMatchObject({ incomplete: { missing: 'recommendations' } });
    expect(fillDocument(filedWith({ communityTriggers: [met] }), letter)).toMatchObject({ incomplete: { missing: 'outcome' } });
    expect(fillDocument(filedWith({}), letter)).toMatchObject({ incomplete: { missing: 'caseReviewId' } });
  });

  it('every template fills every placeholder it has (a new version with a typo fails here)', () => {
    for (const template of DOCUMENT_TEMPLATES) {
      const [file, request] = exampleOf(template.kind, template.effectiveFrom);
      const document = filled(fillDocument(file, request));
      expect(document.templateVersion).toBe(template.version);
      expect(textOf(document)).not.toMatch(/[{}]/);
    }
  });

});

/** A case file that states everything `kind` needs, dated `day` so that the version from that day words it. */
function exampleOf(kind: DocumentKind, day: string): [DocumentSource, DocumentRequest] {
  const at = (time: string) => `${day}T${time}Z`;
  const dated = (step: EnforcementStep) => ({ ...step, takenAt: at('10:00:00') });
  switch (kind) {
    case 'CASE_CLOSED_LETTER':
      return [filedWith({ closure: { ...CLOSED, closedAt: at('15:00:00') } }), { kind, complainantId: MARGARET.id }];
    case 'CASE_REVIEW_OUTCOME_LETTER':
      return [filedWith({ communityTriggers: [{ ...CASE_REVIEW, outcome: { ...CASE_REVIEW.outcome!, sentAt: at('10:00:00') } }] }), { kind, caseReviewId: CASE_REVIEW.id }];
    case 'CLOSURE_NOTICE':
      return [filedWith({ enforcement: [dated(CLOSURE)], legalReferrals: [{ ...CLOSURE_REFERRAL, hearing: { ...CLOSURE_REFERRAL.hearing!, at: at('14:00:00') } }] }), { kind, stepId: CLOSURE.id }];
    case 'FIXED_PENALTY_NOTICE':
      return [{ ...source(BREACHED_CPN_STEP, dated(FPN)), policyVersions: EARLY_PAYMENT_POLICY }, { kind, stepId: FPN.id }];
    default: {
      const step = { WRITTEN_WARNING: WARNING, ACCEPTABLE_BEHAVIOUR_CONTRACT: ABC, COMMUNITY_PROTECTION_WARNING: CPW, COMMUNITY_PROTECTION_NOTICE: CPN }[kind];
      return [source(dated(step)), { kind, stepId: step.id }];
    }
  }
}
