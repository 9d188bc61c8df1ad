import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DEADLINE_CATALOGUE, type DeadlineKind, natureOf, type SummaryShareable, summaryShareOf } from '../../../../libs/domain/src';
import { CaseDeadlineRecord, CaseRecord, CaseShareRecord, findCaseFileParts, PartnerActionRecord, findLinkedCases, TimelineEntryRecord } from '../../../../libs/persistence/src';
import { caseFilePartsView, NO_PARTS } from './case-file-view';
import { problems } from '../http/problem';
import type { Caller } from '../../../../libs/auth/src';
import { hiddenFrom, seesSummaryOnly } from '../auth/access-policy';
import type { CaseType } from '../../../../libs/domain/src';
import { CaseReferenceParam, type CaseView, type LedgerView, type TimelineView } from './case.schemas';

/** Reads cases from PostgreSQL, never from the worker: the read model the workflow keeps current. */
@Injectable()
export class CaseReadModel {
  constructor(private readonly em: EntityManager) {}

  /** The case, or a 404 problem (also for a string that cannot be a reference). */
  async mustFind(reference: string, shown: Shown = {}): Promise<CaseView> {
    const view = CaseReferenceParam.safeParse(reference).success ? await this.find(reference, shown) : undefined;
    if (!view) throw problems.notFound(`case ${reference}`);
    return view;
  }

  /**
   * The case as `caller` asks for it: a 404 problem, as for no case at all, when it is a restricted case
   * the caller is not named for (`hiddenFrom`). Every route that takes a reference starts here.
   */
  async mustFindFor(caller: Caller, reference: string): Promise<CaseView> {
    const view = await this.mustFind(reference);
    if (hiddenFrom(caller, view)) throw problems.notFound(`case ${reference}`);
    return view;
  }

  /**
   * The case as the caller may see it: a summary-only share gets the summary, and a linked case that is
   * restricted and hidden from the caller is left out of `linkedCases`, as if never linked.
   */
  async shownTo(caller: Caller, view: CaseView): Promise<CaseView> {
    const shown = seesSummaryOnly(caller, view) ? await this.mustFind(view.reference, { summaryOnly: true }) : view;
    const hidden = await this.hiddenAmong(caller, shown.linkedCases.map((link) => link.reference));
    return hidden.size > 0 ? { ...shown, linkedCases: shown.linkedCases.filter((link) => !hidden.has(link.reference)) } : shown;
  }

  /** The timeline as the caller may see it: without the entries that link to a restricted case hidden from them. */
  async timelineFor(caller: Caller, reference: string): Promise<TimelineView> {
    const { entries } = await this.timeline(reference);
    const linkedTo = (entry: TimelineView['entries'][number]) => (typeof entry.data?.linkedReference === 'string' ? entry.data.linkedReference : undefined);
    const hidden = await this.hiddenAmong(caller, entries.flatMap((entry) => linkedTo(entry) ?? []));
    return { entries: hidden.size > 0 ? entries.filter((entry) => !hidden.has(linkedTo(entry) ?? '')) : entries };
  }

  /** Which of these cases are restricted and not for the caller (`hiddenFrom`). */
  private async hiddenAmong(caller: Caller, references: readonly string[]): Promise<Set<string>> {
    if (references.length === 0) return new Set();
    const em = this.em.fork();
    const cases = await em.find(CaseRecord, { reference: { $in: [...references] } }, { fields: ['reference', 'type'] });
    const shares = await em.find(CaseShareRecord, { reference: { $in: [...references] } });
    return new Set(
      cases
        .filter((each) => hiddenFrom(caller, { type: each.type as CaseType, sharedWith: shares.filter((share) => share.reference === each.reference) }))
        .map((each) => each.reference),
    );
  }

  /** The agency a partner action on this case was assigned to. */
  async agencyOfAction(reference: string, actionId: string): Promise<string | undefined> {
    const action = await this.em.fork().findOne(PartnerActionRecord, { reference, actionId }, { fields: ['agency'] });
    return action?.agency;
  }

  async timeline(reference: string): Promise<TimelineView> {
    const entries = await this.em.fork().find(TimelineEntryRecord, { reference }, { orderBy: { seq: 'asc' } });
    return { entries: entries.map(timelineEntryView) };
  }

  async ledger(reference: string): Promise<LedgerView> {
    const deadlines = await this.em.fork().find(CaseDeadlineRecord, { reference }, { orderBy: { dueAt: 'asc', deadlineId: 'asc' } });
    return { deadlines: deadlines.map(ledgerEntryView) };
  }

  /** The whole case: the read model's row, its ledger and shares, and the parts of its stored file. */
  async find(reference: string, { summaryOnly = false }: Shown = {}): Promise<CaseView | undefined> {
    const em = this.em.fork();
    const record = await em.findOne(CaseRecord, { reference });
    if (!record) return undefined;
    const deadlines = await em.find(CaseDeadlineRecord, { reference }, { orderBy: { dueAt: 'asc', deadlineId: 'asc' } });
    const shares = await em.find(CaseShareRecord, { reference }, { orderBy: { agency: 'asc' } });
    const parts = (await findCaseFileParts(em, reference)) ?? NO_PARTS;
    const whole: SummaryShareable = {
      ...parts,
      linkedCases: await findLinkedCases(em, reference),
      summary: record.summary,
      location: { ...(record.address ? { address: record.address } : {}), ...(record.ward ? { ward: record.ward } : {}), priorityNeighbourhood: record.priorityNeighbourhood },
    };
    // Who else the case is shared with is the partnership's business, not a summary partner's.
    const sharedWith = summaryOnly ? [] : shares.map((share) => ({ agency: share.agency, summaryOnly: share.summaryOnly }));
    return toView(record, deadlines, sharedWith, summaryOnly ? summaryShareOf(whole) : whole);
  }
}

/** How much of the case is shown: all of it, or what a partner's summary-only share may see (`summaryShareOf`). */
export interface Shown {
  readonly summaryOnly?: boolean;
}

function toView(record: CaseRecord, deadlines: CaseDeadlineRecord[], sharedWith: CaseView['sharedWith'], file: SummaryShareable): CaseView {
  const shownDeadlines = new Map(file.deadlines.map((deadline) => [deadline.id, deadline]));
  return {
    reference: record.reference,
    version: record.version,
    stage: record.stage as CaseView['stage'],
    type: record.type as CaseView['type'],
    category: record.category as CaseView['category'],
    channel: record.channel as CaseView['channel'],
    summary: file.summary,
    riskLevel: (record.riskLevel ?? null) as CaseView['riskLevel'],
    forum: record.forum as CaseView['forum'],
    closure: record.closureReason && record.closedAt ? { reason: record.closureReason, closedAt: record.closedAt.toISOString() } : null,
    team: record.team,
    caseworker: record.caseworker ?? null,
    location: { address: file.location.address ?? null, ward: file.location.ward ?? null, priorityNeighbourhood: file.location.priorityNeighbourhood },
    policyVersion: record.policyVersion,
    sharedWith,
    openedAt: record.openedAt.toISOString(),
    openedBy: record.openedBy,
    reviewCount: record.reviewCount,
    lastReviewedAt: record.lastReviewedAt?.toISOString() ?? null,
    nextReview:
      record.nextReviewDueOn && record.nextReviewDueAt
        ? { dueOn: record.nextReviewDueOn, dueAt: record.nextReviewDueAt.toISOString() }
        : null,
    // The ledger's rows, each with its reason and resolution as the file shown gives them (a summary share withholds some).
    deadlines: deadlines.map((row) => {
      const shown = shownDeadlines.get(row.deadlineId);
      return { ...deadlineView(row), ...(shown ? { reason: shown.reason, resolution: shown.resolution ?? null } : {}) };
    }),
    ...caseFilePartsView(record.reference, file),
  };
}

function timelineEntryView(entry: TimelineEntryRecord): TimelineView['entries'][number] {
  return { seq: entry.seq, kind: entry.kind, at: entry.at.toISOString(), actor: entry.actor, summary: entry.summary, data: entry.data ?? null };
}

/** A deadline as the ledger shows it: with its title and whether it is a duty or a period. */
function ledgerEntryView(deadline: CaseDeadlineRecord): LedgerView['deadlines'][number] {
  return { ...deadlineView(deadline), title: DEADLINE_CATALOGUE[deadline.kind as DeadlineKind].title, nature: natureOf(deadline.kind as DeadlineKind) };
}

function deadlineView(deadline: CaseDeadlineRecord): CaseView['deadlines'][number] {
  return {
    id: deadline.deadlineId,
    kind: deadline.kind as DeadlineKind,
    dueOn: deadline.dueOn,
    dueAt: deadline.dueAt.toISOString(),
    status: deadline.status as CaseView['deadlines'][number]['status'],
    reason: deadline.reason,
    resolvedAt: deadline.resolvedAt?.toISOString() ?? null,
    resolution: deadline.resolution ?? null,
    late: deadline.late,
  };
}
