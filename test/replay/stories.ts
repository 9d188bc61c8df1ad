import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { localDate, type OpenCaseCommand } from '../../libs/domain/src';
import { CASE_NOT_SAVED } from '../../workflows/case-messages';
import { FORUM_MEETING_WORKFLOW_TYPE } from '../../workflows/forum-meeting.workflow';
import { type CaseDriver, eventually } from '../support/case-driver';
import { TEST_TASK_QUEUE } from '../support/case-worker-harness';

/**
 * Realistic cases whose recorded histories are committed and replayed in CI: a change to the workflow
 * that would break a running case like these fails the build instead of the case.
 */
export interface Story {
  readonly name: string;
  play(cases: CaseDriver, env: TestWorkflowEnvironment): Promise<string>;
}

const resident = { id: 'c1', name: 'Pat Lee', vulnerable: true };
const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

const noiseCase = (overrides: Partial<OpenCaseCommand> = {}): OpenCaseCommand => ({
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Music and shouting from the flat below most nights after midnight.',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '3 Brook Court, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: false },
  complainants: [resident],
  subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: localDate('1991-07-14'), tenure: 'MBC_TENANT' }],
  riskAssessment: {
    disability: false,
    mentalHealth: true,
    isolation: true,
    repeatVictimisation: false,
    hateMotive: false,
    impactOnDailyLife: true,
    assessedBy: 'amira.khan',
  },
  openedBy: 'amira.khan',
  ...overrides,
});

const PLAYED: readonly Story[] = [
  {
    name: 'noise-dispute-written-warning-closed',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase());
      await cases.run(reference, 'recordInitialContact', { summary: 'Visited Pat; diary sheets left.' });
      await cases.run(reference, 'recordEnforcementStep', { kind: 'WRITTEN_WARNING', subjectId: 's1', notes: 'Warning letter hand-delivered.' });
      await env.sleep('15 days');
      await cases.run(reference, 'recordComplianceCheck', { stepId: 'step-1', complied: true, notes: 'No further reports since the warning.' });
      await cases.run(reference, 'recordReview', { summary: 'Quiet for two weeks; keep monitoring.', riskLevel: 'STANDARD' });
      await cases.run(reference, 'startMonitoring', { reason: 'Behaviour has changed after the warning.' });
      await cases.run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'No further noise reported for a month after the warning.' });
      await cases.run(reference, 'decideClosure', { approve: true, reason: 'Resolved by the warning.' }, 'jo.bennett');
      await cases.run(reference, 'recordSatisfactionFollowUp', { summary: 'Pat is satisfied with how the case was handled.' });
      await env.sleep('95 days');
      // Closed, followed up, and the re-open window passed: the case sleeps until its retention ends.
      await eventually(async () => (await cases.statuses(reference, 'REOPEN_WINDOW')).includes('MET'));
      await eventually(async () => (await cases.statuses(reference, 'RETENTION_END')).includes('PENDING'));
      return reference;
    },
  },
  {
    name: 'harassment-cpw-cpn-unpaid-fpn',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase({ category: 'HARASSMENT', summary: 'Threats and abuse shouted at a neighbour on the landing.' }));
      await cases.run(reference, 'changeForum', { to: 'MAG', reason: 'Council tenant; repeated incidents despite contact.' }, 'jo.bennett');
      await cases.run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Threats of violence: verbal warnings are not enough.' });
      await env.sleep('15 days');
      await cases.run(reference, 'recordIncident', { occurredAt: hoursBefore(await cases.now(), 2), description: 'Abuse shouted through the letterbox.', subjectIds: ['s1'] });
      const dueOn = await cases.dateIn(28);
      await cases.run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'Do not approach or contact the occupants of flat 4.', dueOn }] });
      await env.sleep('3 days');
      await cases.run(reference, 'recordBreach', { stepId: 'step-2', description: 'Approached flat 4 and banged on the door.', occurredAt: hoursBefore(await cases.now(), 1) });
      await cases.run(reference, 'recordEnforcementStep', { kind: 'FIXED_PENALTY_NOTICE', subjectId: 's1', amountPounds: 100 });
      await env.sleep('16 days');
      await cases.run(reference, 'recordProsecutionDecision', { stepId: 'step-3', prosecute: true, reason: 'Unpaid, and a further breach reported.' }, 'legal.team');
      return reference;
    },
  },
  {
    name: 'youth-injunction-order-and-breach',
    async play(cases, env) {
      const sixteen = await cases.dateIn(-(16 * 365 + 30));
      const { reference } = await cases.open(
        noiseCase({ category: 'COMMUNITY_DISRUPTION', summary: 'Intimidation of shoppers at the bus station by a group.', subjects: [{ id: 's1', name: 'Kai Morgan', dateOfBirth: sixteen, tenure: 'UNKNOWN' }] }),
      );
      const today = await cases.dateIn(0);
      await cases.run(reference, 'recordEnforcementStep', {
        kind: 'CIVIL_INJUNCTION',
        subjectId: 's1',
        youthOffendingTeamConsultedOn: today,
        skipReason: 'Serious intimidation; earlier steps refused by the family.',
      });
      await cases.run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, 'legal.team');
      await cases.run(reference, 'recordLegalDecision', { referralId: 'legal-1', proceed: true, reason: 'Evidence sufficient; proportionate.' }, 'legal.team');
      const hearingAt = new Date((await cases.now()).getTime() + 7 * 86_400_000).toISOString();
      await cases.run(reference, 'listHearing', { referralId: 'legal-1', hearingAt, court: 'YOUTH_COURT' }, 'legal.team');
      await env.sleep('7 days');
      const expiresOn = await cases.dateIn(300);
      await cases.run(reference, 'recordHearingOutcome', { referralId: 'legal-1', outcome: 'ORDER_MADE', terms: 'Not to enter the bus station.', expiresOn }, 'legal.team');
      await cases.run(reference, 'recordOrderBreach', { referralId: 'legal-1', description: 'Seen in the bus station.', arrestedAt: hoursBefore(await cases.now(), 1) }, 'legal.team');
      await cases.run(reference, 'recordBeforeJudge', { referralId: 'legal-1' }, 'legal.team');
      return reference;
    },
  },
  {
    // Reminders, legal-step notices, a partner action and a missed review's alert.
    name: 'notices-reminders-legal-steps-partner-action',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase({ category: 'HARASSMENT', summary: 'Threats made to the family next door.' }));
      await cases.run(reference, 'recordInitialContact', { summary: 'Spoke to Pat; safety plan agreed.' });
      await cases.run(reference, 'assignPartnerAction', { agency: 'POLICE', description: 'Patrol Brook Court after 10pm.', dueOn: await cases.dateIn(5) });
      await cases.run(reference, 'recordEnforcementStep', { kind: 'CIVIL_INJUNCTION', subjectId: 's1', skipReason: 'Threats of violence: straight to an injunction.' });
      await cases.run(reference, 'acknowledgeLegalReferral', { referralId: 'legal-1' }, 'legal.team');
      await env.sleep('30 days');
      await eventually(async () => (await cases.statuses(reference, 'CASE_REVIEW')).includes('MISSED'));
      await cases.run(reference, 'recordReview', { summary: 'Injunction being prepared; patrols continue.' });
      return reference;
    },
  },
  {
    // Closed, kept 6 years asleep on one timer, then anonymised.
    name: 'closed-case-retained-then-anonymised',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase());
      await cases.run(reference, 'recordInitialContact', { summary: 'Visited Pat; the music has stopped.' });
      await cases.run(reference, 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'No further noise since the visit.' });
      await cases.run(reference, 'decideClosure', { approve: true, reason: 'Resolved at the first visit.' }, 'jo.bennett');
      await cases.run(reference, 'recordSatisfactionFollowUp', { summary: 'Pat is satisfied.' });
      await env.sleep('2300 days');
      await eventually(async () => (await env.client.workflow.getHandle(reference).describe()).status.name === 'COMPLETED');
      return reference;
    },
  },
  {
    // Three complaints cross the threshold (the coordinator is told), then an application, its four steps and an appeal.
    name: 'asb-case-review-threshold-meeting-outcome-appeal',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase({ category: 'HARASSMENT', summary: 'Abuse shouted at the family whenever they go out.', riskLevel: 'STANDARD' }));
      for (let n = 0; n < 3; n += 1) {
        await cases.run(reference, 'recordIncident', { occurredAt: hoursBefore(await cases.now(), 1), description: 'Abuse shouted in the street.', subjectIds: ['s1'] });
        await env.sleep('1 day');
      }
      await cases.run(reference, 'applyForCaseReview', { applicant: 'VICTIM', applicantName: 'the victim' });
      await cases.run(reference, 'acknowledgeCaseReview', {}, 'dee.patel');
      await cases.run(reference, 'decideCaseReviewThreshold', { met: true, reason: 'Three complaints in six months on the record.' }, 'dee.patel');
      await env.sleep('10 days');
      await cases.run(reference, 'recordCaseReviewMeeting', { recommendations: 'Joint visit by police and housing; mediation offered.' }, 'dee.patel');
      await cases.run(reference, 'recordCaseReviewOutcome', { summary: 'Outcome letter sent with the recommendations.' }, 'dee.patel');
      await cases.run(reference, 'recordCaseReviewAppeal', { reason: 'The victim asks for a different action plan.' });
      await cases.run(reference, 'decideCaseReviewAppeal', { upheld: false, reason: 'The plan addresses the complaints.' }, 'helen.ward');
      return reference;
    },
  },
  {
    // MAG and JAG decisions carried out on the case: escalations, an action with the forum missed, a de-escalation.
    name: 'forum-escalations-and-jag-action',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase({ category: 'COMMUNITY_DISRUPTION', summary: 'Groups gathering and intimidating residents on the estate.' }));
      await cases.run(reference, 'changeForum', { to: 'MAG', reason: 'MAG decision: persistent, multi-agency.' }, 'jo.bennett');
      await cases.run(reference, 'changeForum', { to: 'JAG', reason: 'MAG decision: needs police and council resources.' }, 'jo.bennett');
      await cases.run(reference, 'assignPartnerAction', { agency: 'POLICE', description: 'Targeted patrols on Friday nights.', dueOn: await cases.dateIn(7), forum: 'JAG' }, 'jo.bennett');
      await env.sleep('9 days');
      await eventually(async () => (await cases.statuses(reference, 'PARTNER_ACTION')).includes('MISSED'));
      await cases.run(reference, 'completePartnerAction', { actionId: 'action-1', outcome: 'Patrols held on two Fridays; no gatherings since.' }, 'pc.lewis');
      await cases.run(reference, 'changeForum', { to: 'MAG', reason: 'JAG decision: resolved at partnership level.' }, 'jo.bennett');
      return reference;
    },
  },
  {
    // A forum's cycle as its Schedule starts it: the agenda compiled and recorded, each agency sent its part.
    name: 'forum-meeting-jag-agenda',
    async play(_cases, env) {
      const workflowId = 'forum-meeting-JAG-replay';
      await env.client.workflow.execute(FORUM_MEETING_WORKFLOW_TYPE, { workflowId, taskQueue: TEST_TASK_QUEUE, args: [{ forum: 'JAG' }] });
      return workflowId;
    },
  },
  {
    // Notices made through their activity when the CPW and the CPN are recorded, and the CPN's service moving its appeal window.
    name: 'notices-made-on-record-then-served',
    async play(cases, env) {
      const { reference } = await cases.open(noiseCase({ category: 'HARASSMENT', summary: 'Threats and abuse shouted at a neighbour on the landing.' }));
      await cases.run(reference, 'recordEnforcementStep', {
        kind: 'COMMUNITY_PROTECTION_WARNING',
        subjectId: 's1',
        conductConfirmed: true,
        skipReason: 'Threats of violence: verbal warnings are not enough.',
        notes: 'Shouting threats at the occupants of flat 4 on the landing.',
      });
      await env.sleep('15 days');
      await cases.run(reference, 'recordIncident', { occurredAt: hoursBefore(await cases.now(), 2), description: 'Threats shouted through the letterbox of flat 4.', subjectIds: ['s1'] });
      const dueOn = await cases.dateIn(28);
      await cases.run(reference, 'recordEnforcementStep', { kind: 'COMMUNITY_PROTECTION_NOTICE', subjectId: 's1', requirements: [{ text: 'Do not approach or contact the occupants of flat 4.', dueOn }] });
      await env.sleep('2 days');
      await cases.run(reference, 'recordService', { stepId: 'step-2', method: 'BY_POST', servedBy: 'amira.khan', occurredAt: hoursBefore(await cases.now(), 1) });
      // Both notices made, so the history holds both activities from start to end.
      await eventually(async () => {
        const events = (await env.client.workflow.getHandle(reference).fetchHistory()).events ?? [];
        const making = new Set(events.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'makeNoticeOnRecord').map((event) => String(event.eventId)));
        const made = events.filter((event) => making.has(String(event.activityTaskCompletedEventAttributes?.scheduledEventId))).length;
        return making.size === 2 && made === 2 ? true : undefined;
      });
      return reference;
    },
  },
  {
    // A change PostgreSQL refuses (a NUL, past the API): CaseNotSaved, recorded and told to the admins, and the case carries on.
    name: 'case-not-saved-then-carried-on',
    async play(cases) {
      const opened = await cases.open(noiseCase({ riskLevel: 'MEDIUM' }));
      const { reference } = opened;
      const refused = await cases.run(reference, 'allocate', { caseworker: 'tom\u0000price' }, 'jo.bennett').catch((error: unknown) => error);
      if (!(refused instanceof WorkflowUpdateFailedError) || (refused.cause as { type?: string } | undefined)?.type !== CASE_NOT_SAVED) {
        throw new Error(`expected the allocation to be refused by PostgreSQL, got ${String(refused)}`);
      }
      // The admins' notice is delivered, and its delivery recorded on the case.
      await eventually(async () => (await cases.file(reference)).version > opened.version);
      await cases.run(reference, 'allocate', { caseworker: 'tom.price' }, 'jo.bennett');
      return reference;
    },
  },
];

/**
 * Every story, recorded again once a change was saved in the workflow task that made it (a local
 * activity): each command's update, its save and the case's deadline timer in one task, so the replay of
 * exactly that history (which broke an earlier attempt at it) is proven on the SDK in use.
 */
export const STORIES: readonly Story[] = [...PLAYED, ...PLAYED.map((story) => ({ name: `${story.name}-saved-in-task`, play: story.play }))];
