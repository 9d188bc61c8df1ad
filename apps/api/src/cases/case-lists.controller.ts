import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { plainText } from '../http/request-fields';
import type { Caller } from '../../../../libs/auth/src';
import { CASE_CATEGORIES, CASE_STAGES, CASE_TYPES, FORUMS, PARTNER_AGENCIES, RISK_LEVELS } from '../../../../libs/domain/src';
import { type CaseDeadlineItem, InvalidCursorError, jagAgenda } from '../../../../libs/persistence/src';
import { statisticsFor } from './case-statistics';
import { AuditAction, type AuditedRequest } from '../audit/audit-action.decorator';
import { restrictedShown } from '../audit/restricted-shown';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { typesHiddenFrom } from '../auth/access-policy';
import { findCases } from './case-finder';
import { problems } from '../http/problem';
import { queryInteger, ValidQuery } from '../http/query';
import { Problem, problemExample } from './case.schemas';
import { TeamPath } from '../http/path-params';
import { CaseReports } from './case-reports';

const CaseListQuery = z
  .strictObject({
    stage: z.enum(CASE_STAGES).optional(),
    type: z.enum(CASE_TYPES).optional(),
    category: z.enum(CASE_CATEGORIES).optional(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    forum: z.enum(FORUMS).optional(),
    caseworker: plainText(64).optional(),
    team: plainText(64).optional(),
    ward: plainText(100).optional(),
    overdue: z.enum(['true', 'false']).transform((value) => value === 'true').optional().describe('Only cases with a review still overdue (true), or none (false).'),
    openedFrom: z.iso.datetime({ offset: true }).optional(),
    openedTo: z.iso.datetime({ offset: true }).optional(),
    sort: z.enum(['-openedAt', 'openedAt', 'nextReviewDueAt', 'reference']).default('-openedAt'),
    limit: queryInteger({ min: 1, max: 200, default: 50 }),
    cursor: plainText(500).optional().describe('`next` from the previous page.'),
    q: plainText(200)
      .optional()
      .describe(
        'Search: a person’s name (misspellings allowed) or date of birth (YYYY-MM-DD or DD/MM/YYYY), an address or postcode, or words of the summary. ' +
          'With `q` the page holds the best matches, most alike first (then by reference), at most `limit`, with `next` null; `sort` and `cursor` do not apply. ' +
          'The other filters still do, and a partner finds only cases shared with their agency in full.',
      ),
  })
  .meta({ id: 'CaseListQuery' });

const CaseSummary = z
  .strictObject({
    reference: z.string(),
    version: z.int(),
    stage: z.enum(CASE_STAGES),
    type: z.enum(CASE_TYPES),
    category: z.enum(CASE_CATEGORIES),
    riskLevel: z.enum(RISK_LEVELS).nullable(),
    forum: z.enum(FORUMS),
    team: z.string(),
    caseworker: z.string().nullable(),
    ward: z.string().nullable(),
    openedAt: z.iso.datetime(),
    nextReviewDueOn: z.iso.date().nullable(),
    overdue: z.boolean().describe('A review is still overdue.'),
  })
  .meta({ id: 'CaseSummary' });

const CaseListPage = z.strictObject({ items: z.array(CaseSummary), next: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end.') }).meta({ id: 'CaseList' });

const DeadlineItem = z.looseObject({ reference: z.string(), kind: z.string(), dueOn: z.iso.date(), dueAt: z.iso.datetime(), caseworker: z.string().nullable() });
const TeamOverview = z.strictObject({ team: z.string(), asOf: z.iso.datetime(), overdueReviews: z.array(DeadlineItem), dueInNext7Days: z.array(DeadlineItem) }).meta({ id: 'TeamOverview' });
const LegalQueue = z.strictObject({ items: z.array(DeadlineItem.extend({ status: z.enum(['PENDING', 'MISSED']), reason: z.string() })) }).meta({ id: 'LegalQueue' });
const PartnerActionItem = z.strictObject({
  reference: z.string(),
  actionId: z.string(),
  agency: z.string(),
  description: z.string(),
  dueOn: z.iso.date(),
  forum: z.string().nullable(),
  completedAt: z.iso.datetime().nullable(),
  outcome: z.string().nullable(),
  overdue: z.boolean(),
  category: z.string(),
  ward: z.string().nullable(),
});
const AgencyActions = z.strictObject({ agency: z.string(), actions: z.array(PartnerActionItem) }).meta({ id: 'AgencyActions' });
const JagAgenda = z
  .strictObject({
    asOf: z.iso.datetime(),
    escalatedCases: z.array(z.strictObject({ reference: z.string(), team: z.string(), caseworker: z.string().nullable(), category: z.string(), riskLevel: z.string().nullable(), ward: z.string().nullable(), stage: z.string() })),
    overduePartnerActions: z.array(z.strictObject({ reference: z.string(), actionId: z.string(), agency: z.string(), description: z.string(), dueOn: z.iso.date(), forum: z.string().nullable() })),
  })
  .meta({ id: 'JagAgenda', description: 'Cases escalated to the Joint Action Group, and partner actions overdue on any case.' });

const StatisticsQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date().describe('Exclusive.') }).meta({ id: 'StatisticsQuery' });
const Counts = z.array(z.strictObject({ key: z.string().nullable(), count: z.int() }));
const Suppressed = z
  .array(z.strictObject({ type: z.enum(CASE_TYPES), fewerThan: z.int() }))
  .describe('Types with fewer cases in the period than their minimum (Prevent: 10, local policy): left out of every count above, so that no figure is one of a few.');
const Statistics = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    byType: Counts,
    byCategory: Counts,
    byWard: Counts,
    byMonth: Counts,
    byRisk: Counts,
    byForum: Counts,
    byOutcome: Counts,
    escalatedCases: z.int(),
    suppressed: Suppressed,
  })
  .meta({
    id: 'Statistics',
    description:
      'Cases opened in the period, counted the ways a partnership reports to its scrutiny committee. Restricted cases (child sexual exploitation, Prevent) are counted only for the `safeguarding` role.',
  });

/** What each report looks like, shown in the document beside its schema. */
const EXAMPLES: {
  CaseListPage: z.output<typeof CaseListPage>;
  TeamOverview: z.output<typeof TeamOverview>;
  LegalQueue: z.output<typeof LegalQueue>;
  AgencyActions: z.output<typeof AgencyActions>;
  JagAgenda: z.output<typeof JagAgenda>;
  Statistics: z.output<typeof Statistics>;
} = {
  CaseListPage: {
    items: [
      {
        reference: 'ASB-2026-000123',
        version: 3,
        stage: 'ACTIVE',
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'NOISE_DISPUTE',
        riskLevel: 'HIGH',
        forum: 'MAG',
        team: 'north',
        caseworker: 'amira.khan',
        ward: 'Egerton',
        openedAt: '2026-11-26T09:44:47.041Z',
        nextReviewDueOn: '2026-12-03',
        overdue: false,
      },
    ],
    next: 'WyIyMDI2LTExLTI2VDA5OjQ0OjQ3LjA0MVoiLCJBU0ItMjAyNi0wMDAxMjMiXQ',
  },
  TeamOverview: {
    team: 'north',
    asOf: '2026-11-30T08:00:00.000Z',
    overdueReviews: [{ reference: 'ASB-2026-000101', kind: 'CASE_REVIEW', deadlineId: 'case-review-3', dueOn: '2026-11-28', dueAt: '2026-11-28T23:59:59.999Z', caseworker: 'amira.khan' }],
    dueInNext7Days: [
      { reference: 'ASB-2026-000123', kind: 'CASE_REVIEW', deadlineId: 'case-review-1', dueOn: '2026-12-03', dueAt: '2026-12-03T23:59:59.999Z', caseworker: 'amira.khan', reason: 'HIGH risk cases are reviewed every 7 days (from the report)' },
    ],
  },
  LegalQueue: {
    items: [
      { reference: 'ASB-2026-000123', kind: 'LEGAL_ACKNOWLEDGEMENT', deadlineId: 'legal-acknowledgement-1', dueOn: '2026-12-02', dueAt: '2026-12-02T23:59:59.999Z', caseworker: 'amira.khan', status: 'PENDING', reason: 'the legal team acknowledges a referral within 2 working days' },
    ],
  },
  AgencyActions: {
    agency: 'POLICE',
    actions: [
      { reference: 'ASB-2026-000123', actionId: 'action-1', agency: 'POLICE', description: 'Extra patrols Friday and Saturday 22:00–02:00.', dueOn: '2026-12-05', forum: 'JAG', completedAt: null, outcome: null, overdue: false, category: 'TOWN_CENTRE_ISSUE', ward: 'Craven' },
    ],
  },
  JagAgenda: {
    asOf: '2026-12-01T09:00:00.000Z',
    escalatedCases: [{ reference: 'ASB-2026-000123', team: 'north', caseworker: 'amira.khan', category: 'TOWN_CENTRE_ISSUE', riskLevel: 'MEDIUM', ward: 'Craven', stage: 'ACTIVE' }],
    overduePartnerActions: [{ reference: 'ASB-2026-000123', actionId: 'action-2', agency: 'POLICE', description: 'Licensing visit to the late bar.', dueOn: '2026-11-28', forum: null }],
  },
  Statistics: {
    from: '2026-04-01',
    to: '2027-04-01',
    byType: [{ key: 'ANTI_SOCIAL_BEHAVIOUR', count: 212 }, { key: 'HATE_CRIME', count: 9 }],
    byCategory: [{ key: 'NOISE_DISPUTE', count: 88 }, { key: 'HARASSMENT', count: 31 }],
    byWard: [{ key: 'Egerton', count: 40 }, { key: 'Sysonby', count: 27 }],
    byMonth: [{ key: '2026-10', count: 19 }, { key: '2026-11', count: 23 }],
    byRisk: [{ key: 'HIGH', count: 18 }, { key: 'MEDIUM', count: 77 }, { key: 'STANDARD', count: 126 }],
    byForum: [{ key: 'GENERAL_CASEWORK', count: 190 }, { key: 'MAG', count: 22 }, { key: 'JAG', count: 9 }],
    byOutcome: [{ key: 'OPEN', count: 64 }, { key: 'RESOLVED', count: 131 }, { key: 'NOT_ASB', count: 26 }],
    escalatedCases: 31,
    suppressed: [{ type: 'PREVENT', fewerThan: 10 }],
  },
};

/** An overdue review as the team overview shows it: the deadline and who works the case. */
const overdueReviewView = (deadline: CaseDeadlineItem) => ({
  reference: deadline.reference,
  kind: deadline.kind,
  deadlineId: deadline.deadlineId,
  dueOn: deadline.dueOn,
  dueAt: deadline.dueAt,
  caseworker: deadline.caseworker,
});
/** A deadline falling due, as the team overview shows it: with why it is due. */
const comingDeadlineView = (deadline: CaseDeadlineItem) => ({ ...overdueReviewView(deadline), reason: deadline.reason });
/** A legal deadline as the legal queue shows it; the queue holds pending and recently missed ones only. */
const legalDeadlineView = (deadline: CaseDeadlineItem): z.output<typeof LegalQueue>['items'][number] => {
  if (deadline.status !== 'PENDING' && deadline.status !== 'MISSED') throw new Error(`the legal queue holds ${deadline.deadlineId} of ${deadline.reference}, ${deadline.status}`);
  return { ...comingDeadlineView(deadline), status: deadline.status };
};

@ApiTags('case lists and reports')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'No valid bearer token.', standardSchema: Problem, example: problemExample(401) })
@ApiResponse({ status: 503, description: 'PostgreSQL (or, for next steps, Temporal) is unreachable: retry after Retry-After.', standardSchema: Problem, example: problemExample(503) })
@Controller()
export class CaseListsController {
  constructor(
    private readonly em: EntityManager,
    private readonly reports: CaseReports,
  ) {}

  @Get('cases')
  @AuditAction('case.search')
  @ApiOperation({
    summary: 'List or search cases',
    description:
      'Filter, sort and page (by cursor) the cases you may see: your team’s, all for oversight roles, or for a partner those shared with their agency. ' +
      'With `q`, search them by person, address or postcode, or summary, best match first.',
  })
  @ApiResponse({ status: 200, description: 'A page of cases.', standardSchema: CaseListPage, example: EXAMPLES.CaseListPage })
  @ApiResponse({ status: 400, description: 'An invalid filter.', standardSchema: Problem, example: problemExample(400) })
  @ApiResponse({ status: 422, description: 'A `cursor` of the documented form that this API did not give out (or gave out for another sort order).', standardSchema: Problem, example: problemExample(422) })
  async list(@ValidQuery(CaseListQuery) query: z.output<typeof CaseListQuery>, @CurrentCaller() caller: Caller, @Req() audited: AuditedRequest): Promise<z.output<typeof CaseListPage>> {
    const { sort, limit, cursor, q, ...filter } = query;
    try {
      const page = await findCases(this.em.fork(), caller, { filter, q, sort, limit, cursor });
      audited.audit = { after: { query, results: page.rows.length }, restrictedShown: restrictedShown(page.rows) };
      return { items: page.rows, next: page.next };
    } catch (error) {
      if (error instanceof InvalidCursorError) throw problems.unprocessable([{ field: 'cursor', message: error.message }]);
      throw error;
    }
  }

  @Get('teams/:team/overview')
  @AuditAction('team.overview')
  @ApiOperation({ summary: 'The manager’s view of a team', description: 'Reviews still overdue, and every deadline falling due in the next 7 days.' })
  @TeamPath()
  @ApiResponse({ status: 200, description: 'The overview.', standardSchema: TeamOverview, example: EXAMPLES.TeamOverview })
  @ApiResponse({ status: 403, description: 'For the team’s manager and the head of service.', standardSchema: Problem, example: problemExample(403) })
  async overview(@Param('team') team: string, @CurrentCaller() caller: Caller): Promise<z.output<typeof TeamOverview>> {
    const now = new Date();
    const { overdue, comingDue } = await this.reports.teamOverview(caller, team, now);
    return { team, asOf: now.toISOString(), overdueReviews: overdue.map(overdueReviewView), dueInNext7Days: comingDue.map(comingDeadlineView) };
  }

  @Get('legal/queue')
  @AuditAction('legal.queue')
  @ApiOperation({ summary: 'The legal team’s queue', description: 'Every legal deadline pending across cases, missed ones (last 30 days) first, then by due time.' })
  @ApiResponse({ status: 200, description: 'The queue.', standardSchema: LegalQueue, example: EXAMPLES.LegalQueue })
  @ApiResponse({ status: 403, description: 'For the legal team and the head of service.', standardSchema: Problem, example: problemExample(403) })
  async legal(@CurrentCaller() caller: Caller): Promise<z.output<typeof LegalQueue>> {
    return { items: (await this.reports.legalQueue(caller)).map(legalDeadlineView) };
  }

  @Get('agencies/:agency/actions')
  @AuditAction('agency.actions')
  @ApiOperation({ summary: 'A partner agency’s actions', description: 'Every action assigned to the agency across cases, open ones first by due date. For the agency’s own users and the partnership’s staff.' })
  @ApiParam({ name: 'agency', enum: PARTNER_AGENCIES })
  @ApiResponse({ status: 200, description: 'The actions.', standardSchema: AgencyActions, example: EXAMPLES.AgencyActions })
  @ApiResponse({ status: 403, description: 'Another agency’s actions.', standardSchema: Problem, example: problemExample(403) })
  @ApiResponse({ status: 404, description: 'No partner agency has this name.', standardSchema: Problem, example: problemExample(404) })
  async actions(@Param('agency') agency: string, @CurrentCaller() caller: Caller): Promise<z.output<typeof AgencyActions>> {
    return this.reports.agencyActions(caller, agency);
  }

  @Get('forums/JAG/agenda')
  @AuditAction('jag.agenda')
  @ApiOperation({ summary: 'The next JAG agenda', description: 'The cases escalated to the Joint Action Group, and the partner actions overdue on any case.' })
  @ApiResponse({ status: 200, description: 'The agenda.', standardSchema: JagAgenda, example: EXAMPLES.JagAgenda })
  @ApiResponse({ status: 403, description: 'For managers, the head of service, the coordinator, admins and partner agencies.', standardSchema: Problem, example: problemExample(403) })
  async jag(@CurrentCaller() caller: Caller): Promise<z.output<typeof JagAgenda>> {
    if (!caller.roles.some((role) => ['manager', 'head_of_service', 'case_review_coordinator', 'partner', 'admin'].includes(role))) {
      throw problems.forbidden('the JAG agenda is for its members: managers, the head of service, the coordinator, admins and partner agencies');
    }
    // A partner's agenda holds the cases shared with its agency and its own overdue actions (s.115).
    const partnerOnly = caller.roles.every((role) => role === 'partner');
    const { cases, overdueActions } = await jagAgenda(this.em.fork(), partnerOnly ? caller.agency?.toUpperCase() ?? '-' : undefined, partnerOnly ? [] : typesHiddenFrom(caller));
    return { asOf: new Date().toISOString(), escalatedCases: cases, overduePartnerActions: overdueActions };
  }

  @Get('statistics')
  @AuditAction('statistics.read')
  @ApiOperation({ summary: 'Case statistics for a period', description: 'Counts by type, category, ward, month, risk, forum and outcome, and cases escalated: scoped to the teams you may see.' })
  @ApiResponse({ status: 200, description: 'The figures.', standardSchema: Statistics, example: EXAMPLES.Statistics })
  @ApiResponse({ status: 400, description: 'An invalid period.', standardSchema: Problem, example: problemExample(400) })
  async statistics(@ValidQuery(StatisticsQuery) query: z.output<typeof StatisticsQuery>, @CurrentCaller() caller: Caller): Promise<z.output<typeof Statistics>> {
    return { from: query.from, to: query.to, ...(await statisticsFor(this.em.fork(), caller, query.from, query.to)) };
  }
}
