import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { PARTNER_AGENCIES } from '../../../../libs/domain/src';
import { type AgencyActionItem, agencyActions, type CaseDeadlineItem, legalQueue, teamOverview } from '../../../../libs/persistence/src';
import { listScope, typesHiddenFrom } from '../auth/access-policy';
import { problems } from '../http/problem';

/** The days ahead a manager's overview looks for deadlines falling due. */
export const OVERVIEW_HORIZON_DAYS = 7;

/** A team's overview is for its manager and the head of service. */
export const mayReadTeamOverview = (caller: Caller, team: string): boolean =>
  caller.roles.includes('head_of_service') || (caller.roles.includes('manager') && caller.team === team);

/** The legal queue is for the legal team and the head of service. */
export const mayReadLegalQueue = (caller: Caller): boolean => caller.roles.some((role) => role === 'legal' || role === 'head_of_service');

/**
 * The reports over many cases that belong to one role (the manager's team overview, the legal queue, a
 * partner agency's actions), each with who may read it. The API and the console both ask here, so a
 * page is scoped exactly as its API answer; a caller who may not read one gets the API's 403 or 404.
 */
@Injectable()
export class CaseReports {
  constructor(private readonly em: EntityManager) {}

  async teamOverview(caller: Caller, team: string, now: Date = new Date()): Promise<{ overdue: CaseDeadlineItem[]; comingDue: CaseDeadlineItem[] }> {
    if (!mayReadTeamOverview(caller, team)) throw problems.forbidden(`the ${team} team's overview is for its manager and the head of service`);
    return teamOverview(this.em.fork(), team, now, OVERVIEW_HORIZON_DAYS, typesHiddenFrom(caller));
  }

  async legalQueue(caller: Caller): Promise<CaseDeadlineItem[]> {
    if (!mayReadLegalQueue(caller)) throw problems.forbidden('the legal queue is for the legal team and the head of service');
    return legalQueue(this.em.fork(), typesHiddenFrom(caller));
  }

  /**
   * Staff see the actions on the cases they may see; the agency's own users see all of its own (an action
   * assigned to the agency on a restricted case names the agency for it).
   */
  async agencyActions(caller: Caller, agency: string): Promise<{ agency: string; actions: AgencyActionItem[] }> {
    const wanted = agency.toUpperCase();
    if (!(PARTNER_AGENCIES as readonly string[]).includes(wanted)) throw problems.notFound(`agency ${agency}`);
    const ownAgency = caller.roles.includes('partner') && caller.agency?.toUpperCase() === wanted;
    const staff = caller.roles.some((role) => role !== 'partner');
    if (!ownAgency && !staff) throw problems.forbidden(`only ${wanted}'s own users see its actions`);
    const scope = listScope(caller);
    const teams = !ownAgency && 'teams' in scope ? scope.teams : undefined;
    return { agency: wanted, actions: await agencyActions(this.em.fork(), wanted, teams, ownAgency ? [] : typesHiddenFrom(caller)) };
  }
}
