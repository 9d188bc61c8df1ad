import {
  comingDueNotice,
  type LocalDate,
  localDate,
  type ManagerDigestNotice,
  markReminded,
  missedDeadlineNotices,
  nextReminderAt,
  noticesOfChange,
  type CaseChange,
  type CaseFile,
  deadlinePassed,
  reminderAt,
  remindersDue,
} from '../../libs/domain/src';
import { isPermanentRefusal, messageIdFor, renderNotice } from '../../libs/notifications/src';
import { change, DARREN, MARGARET, NOISE_REPORT, onlyPending, openCase, run } from './case-builder';

const BASE = 'https://asb.melton.example';
const LINKS = { consoleBaseUrl: BASE, apiBaseUrl: 'https://api.asb.melton.example' };

/** The notices of a change; `before` only matters for an ASB Case Review threshold crossed by incidents. */
const noticesOf = (change: CaseChange, before: CaseFile = change.file) => noticesOfChange(before, change, new Date(change.timeline[0]?.at ?? 0));

describe('caseworker reminders of reviews and compliance checks coming due', () => {
  it('falls at 08:00 in England two working days before the due date', () => {
    // Opened Monday 2 November 2026: the STANDARD 28-day review is due Monday 30 November.
    const file = openCase();
    const review = onlyPending(file, 'CASE_REVIEW');
    expect(review.dueOn).toBe('2026-11-30');
    expect(reminderAt(review, file).toISOString()).toBe('2026-11-26T08:00:00.000Z');
  });

  it('counts back over a weekend and a bank holiday, and keeps 08:00 in summer time', () => {
    // A HIGH case opened Tuesday 25 August 2026 is due for review on Tuesday 1 September; two working
    // days before that skips the Monday 31 August bank holiday and the weekend: Thursday 27 August, 08:00 BST.
    const summer = openCase({ riskLevel: 'HIGH' }, '2026-08-25T09:00:00Z');
    const review = onlyPending(summer, 'CASE_REVIEW');
    expect(review.dueOn).toBe('2026-09-01');
    expect(reminderAt(review, summer).toISOString()).toBe('2026-08-27T07:00:00.000Z');
  });

  it('reminds at once of a duty planned closer than the lead time', () => {
    // The CPW compliance period ends; the check is due 2 working days later: remind as soon as it exists.
    let file = run(openCase(), 'recordInitialContact', { summary: 'Spoke to Margaret.' }, '2026-11-02T10:00:00Z');
    file = run(file, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: DARREN.id, conductConfirmed: true, skipReason: 'Persistent noise after a written request' }, '2026-11-02T11:00:00Z');
    const period = onlyPending(file, 'CPW_COMPLIANCE');
    const ended = deadlinePassed(file, period.id, new Date(Date.parse(period.dueAt) + 1)).file;
    const check = onlyPending(ended, 'COMPLIANCE_CHECK');
    expect(reminderAt(check, ended)).toEqual(new Date(check.plannedAt));
    expect(remindersDue(ended, new Date(Date.parse(check.plannedAt) + 1000)).map((d) => d.kind)).toContain('COMPLIANCE_CHECK');
  });

  it('raises each reminder once, and none for a deadline already due', () => {
    const file = openCase();
    const review = onlyPending(file, 'CASE_REVIEW');
    const at = reminderAt(review, file);
    expect(remindersDue(file, new Date(at.getTime() - 1))).toEqual([]);
    expect(remindersDue(file, at).map((d) => d.id)).toEqual([review.id]);
    const reminded = markReminded(file, [review.id]).file;
    expect(remindersDue(reminded, at)).toEqual([]);
    expect(nextReminderAt(reminded)).toBeUndefined();
    expect(remindersDue(file, new Date(Date.parse(review.dueAt) + 1))).toEqual([]);
  });

  it('goes to the caseworker, keyed so that a repeat is the same notice', () => {
    const file = openCase();
    const notice = comingDueNotice(file, onlyPending(file, 'CASE_REVIEW'));
    expect(notice).toMatchObject({ kind: 'COMING_DUE', audience: 'CASEWORKER', key: 'ASB-2026-000123:case-review-1:COMING_DUE:1', case: { caseworker: 'amira.khan' } });
  });
});

describe('what a change tells people beyond the person who made it', () => {
  const referred = () => {
    const file = run(openCase(), 'recordInitialContact', { summary: 'Spoke to Margaret.' }, '2026-11-02T10:00:00Z');
    return change(file, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-16T10:00:00Z');
  };

  it('sends the legal team every legal step, with the referral deadlines and a case summary', () => {
    const [notice, ...rest] = noticesOf(referred());
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'LEGAL_STEP',
      audience: 'LEGAL',
      step: { what: expect.stringContaining('Referred to the legal team: Civil injunction') },
      summary: { referral: { id: 'legal-1', status: 'REFERRED', youth: false, courts: ['COUNTY_COURT', 'HIGH_COURT'] }, incidents: 0 },
    });
    if (notice?.kind !== 'LEGAL_STEP') throw new Error('not a legal step');
    expect(notice.deadlines.map((d) => `${d.kind} ${d.dueOn}`)).toEqual(['LEGAL_ACKNOWLEDGEMENT 2026-11-18', 'LEGAL_DECISION 2026-11-30']);
  });

  it('tells legal of the decision too, as a separate notice', () => {
    const decided = change(referred().file, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Strong evidence' }, '2026-11-18T10:00:00Z', 'legal.team');
    const notices = noticesOf(decided);
    expect(notices.map((n) => n.kind)).toEqual(['LEGAL_STEP']);
    expect(notices[0]?.key).not.toBe(noticesOf(referred())[0]?.key);
  });

  it('tells an agency of an action assigned to it', () => {
    const assigned = change(openCase(), 'assignPartnerAction', { agency: 'POLICE', description: 'Patrol Egerton Road on Friday nights.', dueOn: localDate('2026-11-20') }, '2026-11-03T10:00:00Z');
    expect(noticesOf(assigned)).toEqual([
      expect.objectContaining({ kind: 'PARTNER_ACTION_ASSIGNED', audience: 'PARTNER_AGENCY', agency: 'POLICE', key: 'ASB-2026-000123:action-1:PARTNER_ACTION_ASSIGNED:1' }),
    ]);
  });

  it('raises nothing for an ordinary command', () => {
    expect(noticesOf(change(openCase(), 'recordInitialContact', { summary: 'Spoke to Margaret.' }, '2026-11-02T10:00:00Z'))).toEqual([]);
  });

  it('alerts the audience of a missed duty, with the same key the first outbox used', () => {
    const file = openCase();
    const review = onlyPending(file, 'CASE_REVIEW');
    const [alert] = missedDeadlineNotices(deadlinePassed(file, review.id, new Date(Date.parse(review.dueAt) + 1)));
    expect(alert).toMatchObject({ kind: 'DEADLINE_MISSED', audience: 'MANAGER', key: 'ASB-2026-000123:case-review-1:CASE_REVIEW:1' });
  });
});

describe('notice emails', () => {
  const referredNotice = () => {
    const file = run(openCase(), 'recordInitialContact', { summary: 'Spoke to Margaret.' }, '2026-11-02T10:00:00Z');
    return noticesOf(change(file, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-16T10:00:00Z'))[0]!;
  };

  it('give legal what happened, each deadline and the court, and link to the case', () => {
    const mail = renderNotice(referredNotice(), LINKS);
    expect(mail.subject).toBe('Legal: Referred to the legal team: Civil injunction (Part 1, 2014 Act) (ASB-2026-000123)');
    expect(mail.text).toContain('Legal acknowledgement of the referral: by the end of Wednesday, 18 November 2026');
    expect(mail.text).toContain('Legal decision on the referral: by the end of Monday, 30 November 2026');
    expect(mail.text).toContain('Court: county court or high court');
    expect(mail.text).toContain(`${BASE}/cases/ASB-2026-000123`);
    expect(mail.html).toContain('<li>Legal acknowledgement of the referral');
  });

  it('carry no one\'s name, nor the address or the report', () => {
    for (const notice of [referredNotice(), comingDueNotice(openCase(), onlyPending(openCase(), 'CASE_REVIEW'))]) {
      const { text, html } = renderNotice(notice, LINKS);
      for (const secret of [MARGARET.name, DARREN.name, NOISE_REPORT.location.address!, NOISE_REPORT.summary]) {
        expect(text).not.toContain(secret);
        expect(html).not.toContain(secret);
      }
    }
  });

  it('list a manager\'s overdue reviews and coming deadlines in the digest', () => {
    const digest: ManagerDigestNotice = {
      kind: 'MANAGER_DIGEST',
      key: 'digest-north:2026-11-30:MANAGER_DIGEST:1',
      audience: 'MANAGER',
      team: 'north',
      on: '2026-11-30' as LocalDate,
      until: '2026-12-07' as LocalDate,
      overdueReviews: [{ reference: 'ASB-2026-000123', riskLevel: 'HIGH', caseworker: 'amira.khan', title: 'Case review', dueOn: '2026-11-27' as LocalDate }],
      comingDeadlines: [{ reference: 'ASB-2026-000124', title: 'Compliance check', dueOn: '2026-12-02' as LocalDate }],
    };
    const mail = renderNotice(digest, LINKS);
    expect(mail.subject).toBe('Team north digest for Monday, 30 November 2026: 1 overdue review, 1 due in the next 7 days');
    expect(mail.text).toContain('ASB-2026-000123 (HIGH): Case review, due Friday, 27 November 2026, held by amira.khan');
    expect(mail.text).toContain('ASB-2026-000124: Compliance check, due Wednesday, 2 December 2026, held by nobody (unallocated)');
  });
});

describe('mail server answers', () => {
  it('treats a 5xx refusal as permanent and anything else as the server being unavailable', () => {
    expect(isPermanentRefusal(Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550, code: 'EENVELOPE' }))).toBe(true);
    expect(isPermanentRefusal(Object.assign(new Error('451 try later'), { responseCode: 451 }))).toBe(false);
    expect(isPermanentRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))).toBe(false);
  });

  it('gives the same notice to the same person the same Message-ID, and different people different ones', () => {
    expect(messageIdFor('ASB-2026-000123:case-review-1:CASE_REVIEW:1', 'jo.bennett@melton.example')).toBe(messageIdFor('ASB-2026-000123:case-review-1:CASE_REVIEW:1', 'jo.bennett@melton.example'));
    expect(messageIdFor('k:1', 'a@x.example')).not.toBe(messageIdFor('k:1', 'b@x.example'));
    expect(messageIdFor('ASB-2026-000123:case-review-1:CASE_REVIEW:1', 'jo.bennett@melton.example')).toMatch(/^<[A-Za-z0-9._-]+@asb-case-service>$/);
  });
});
