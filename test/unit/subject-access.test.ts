import { type CaseFile, type Complainant, localDate } from '../../libs/domain/src';
import { NAME_WITHHELD, nameWithholder, subjectAccessOutline, subjectAccessRecord } from '../../libs/domain/src/case-file/subject-access';
import { DARREN, GARY, MANAGER, MARGARET, openCase, run, step } from './case-builder';

/** A second complainant on the same case: her name must never reach Margaret's or Darren's export. */
const PRIYA: Complainant = { id: 'complainant-2', name: 'Priya Okonkwo', vulnerable: false };

/**
 * One case with two complainants and two subjects, each with records of their own, and free text
 * that mentions everyone.
 */
function sharedCase(): CaseFile {
  let file = openCase({
    complainants: [MARGARET, PRIYA],
    subjects: [DARREN, GARY],
    summary: 'Margaret Ellis and Priya Okonkwo report loud music and threats from Darren Cole and Gary Pratt next door.',
    riskLevel: undefined,
    riskAssessment: { disability: true, mentalHealth: false, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true, assessedBy: 'amira.khan' },
  });
  file = run(file, 'recordIncident', { occurredAt: '2026-11-02T23:30:00Z', description: 'Darren Cole shouted at Margaret Ellis; Gary watched from the window.', subjectIds: [DARREN.id] }, '2026-11-03T09:00:00Z');
  file = run(file, 'recordIncident', { occurredAt: '2026-11-03T22:00:00Z', description: 'Gary Pratt kicked Priya’s door.', subjectIds: [GARY.id] }, '2026-11-04T09:00:00Z');
  file = step(file, { kind: 'VERBAL_WARNING', subjectId: DARREN.id, notes: 'Told to keep away from Margaret Ellis and Priya Okonkwo.' }, '2026-11-04T10:00:00Z');
  file = step(file, { kind: 'WRITTEN_WARNING', subjectId: GARY.id, notes: 'Gary Pratt warned about the door.' }, '2026-11-04T11:00:00Z');
  file = run(file, 'recordConviction', { subjectId: GARY.id, offence: 'Criminal damage', convictedOn: localDate('2026-10-01') }, '2026-11-04T12:00:00Z');
  file = run(file, 'referToAdultsAtRisk', { reason: 'Margaret Ellis is isolated and frightened of Darren Cole.' }, '2026-11-04T13:00:00Z');
  file = run(file, 'shareWithAgency', { agency: 'POLICE', summaryOnly: false, reason: 'Darren Cole and Gary Pratt are known to the police.' }, '2026-11-04T14:00:00Z');
  file = run(file, 'assignPartnerAction', { agency: 'POLICE', description: 'Patrols past Margaret’s block after midnight.', dueOn: localDate('2026-11-20') }, '2026-11-04T15:00:00Z');
  file = run(file, 'changeForum', { to: 'MAG', reason: 'Darren Cole is a council tenant.' }, '2026-11-04T16:00:00Z', MANAGER);
  return file;
}

const mentions = (value: unknown, pattern: RegExp) => pattern.test(JSON.stringify(value));

describe('subject access: what one case holds about one person', () => {
  const file = sharedCase();

  it('gives a subject their own record, the incidents naming them and their own steps, and nothing of the other people on the case', () => {
    const darren = subjectAccessRecord(file, { role: 'SUBJECT', partyId: DARREN.id, matchedBy: 'NAME_AND_DATE_OF_BIRTH' })!;
    expect(darren.party).toEqual({ id: DARREN.id, role: 'SUBJECT', name: 'Darren Cole', dateOfBirth: '1988-05-14', tenure: 'MBC_TENANT' });
    expect(darren.incidents.map((incident) => incident.description)).toEqual([`Darren Cole shouted at ${NAME_WITHHELD}; ${NAME_WITHHELD} watched from the window.`]);
    expect(darren.enforcementSteps.map((each) => [each.kind, each.notes])).toEqual([['VERBAL_WARNING', `Told to keep away from ${NAME_WITHHELD} and ${NAME_WITHHELD}.`]]);
    expect(darren.convictions).toEqual([]);
    expect(darren.case.summary).toBe(`${NAME_WITHHELD} and ${NAME_WITHHELD} report loud music and threats from Darren Cole and ${NAME_WITHHELD} next door.`);
    // The victim's risk, her referral and what she was told are hers, not his.
    expect(darren.riskAssessment).toBeUndefined();
    expect(darren.case.riskLevel).toBeUndefined();
    expect(darren.adultsAtRiskReferral).toBeUndefined();
    expect(darren.sharedWith).toEqual([{ agency: 'POLICE', summaryOnly: false, reason: `Darren Cole and ${NAME_WITHHELD} are known to the police.`, at: '2026-11-04T14:00:00.000Z' }]);
    expect(darren.forumDecisions.map((decision) => decision.to)).toEqual(['MAG']);
    expect(mentions(darren, /margaret|ellis|priya|okonkwo|gary|pratt|criminal damage|complainant-1|complainant-2|subject-2|address|Egerton Road|amira\.khan/i)).toBe(false);
  });

  it('gives a complainant every incident on the case without whom it names, the victim risk assessment and her referral, and no subject’s steps or convictions', () => {
    const margaret = subjectAccessRecord(file, { role: 'COMPLAINANT', partyId: MARGARET.id, matchedBy: 'NAME_ONLY' })!;
    expect(margaret.party).toEqual({ id: MARGARET.id, role: 'COMPLAINANT', name: 'Margaret Ellis', vulnerable: true });
    expect(margaret.incidents.map((incident) => incident.description)).toEqual([
      `${NAME_WITHHELD} shouted at Margaret Ellis; ${NAME_WITHHELD} watched from the window.`,
      `${NAME_WITHHELD} kicked ${NAME_WITHHELD}’s door.`,
    ]);
    expect(margaret.incidents.every((incident) => !('subjectIds' in incident))).toBe(true);
    expect(margaret.enforcementSteps).toEqual([]);
    expect(margaret.legalReferrals).toEqual([]);
    expect(margaret.convictions).toEqual([]);
    expect(margaret.riskAssessment).toEqual({ disability: true, mentalHealth: false, isolation: true, repeatVictimisation: true, hateMotive: false, impactOnDailyLife: true });
    expect(margaret.case.riskLevel).toBe(file.riskLevel);
    expect(margaret.adultsAtRiskReferral?.reason).toBe(`Margaret Ellis is isolated and frightened of ${NAME_WITHHELD}.`);
    expect(margaret.partnerActions.map((action) => action.description)).toEqual(['Patrols past Margaret’s block after midnight.']);
    expect(mentions(margaret, /darren|cole|priya|okonkwo|gary|pratt|criminal damage|complainant-2|subject-1|subject-2|amira\.khan/i)).toBe(false);
  });

  it('gives nothing for a party the case does not have', () => {
    expect(subjectAccessRecord(file, { role: 'SUBJECT', partyId: 'subject-9', matchedBy: 'NAME_ONLY' })).toBeUndefined();
    // A complainant's id is not a subject's.
    expect(subjectAccessRecord(file, { role: 'SUBJECT', partyId: MARGARET.id, matchedBy: 'NAME_ONLY' })).toBeUndefined();
  });

  it('gives the outline alone, marked incomplete, for a case whose file is not kept', () => {
    const outline = subjectAccessOutline(
      { reference: 'ASB-2025-000009', type: 'ANTI_SOCIAL_BEHAVIOUR', category: 'DRUGS', channel: 'POLICE_REFERRAL', stage: 'CLOSED', team: 'south', openedAt: '2025-01-02T10:00:00.000Z', closedAt: '2025-03-01T10:00:00.000Z', closureReason: 'RESOLVED' },
      { id: 's1', role: 'SUBJECT', name: 'Darren Cole' },
      'NAME_ONLY',
    );
    expect(outline).toMatchObject({ reference: 'ASB-2025-000009', complete: false, case: { stage: 'CLOSED', closureReason: 'RESOLVED' }, incidents: [], enforcementSteps: [] });
  });
});

describe('withholding other people’s names from free text', () => {
  const withhold = nameWithholder(['Sam Lee', 'Margaret  ELLIS'], 'Pat Lee');

  it('withholds a full name and a name said alone, whatever its case and spacing', () => {
    expect(withhold('Pat Lee met sam   lee, then Sam and MARGARET; Ellis left.')).toBe(`Pat Lee met ${NAME_WITHHELD}, then ${NAME_WITHHELD} and ${NAME_WITHHELD}; ${NAME_WITHHELD} left.`);
  });

  it('keeps the person’s own name, even the part another person shares, and words that merely contain a name', () => {
    expect(withhold('Lee family: Samuel and Pat Lee.')).toBe('Lee family: Samuel and Pat Lee.');
  });

  it('withholds nothing when there is nobody else', () => {
    expect(nameWithholder(['Pat  Lee'], 'pat lee')('Pat Lee called.')).toBe('Pat Lee called.');
  });
});
