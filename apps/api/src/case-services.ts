import { CaseCommands } from './cases/case-commands';
import { CaseOpening } from './cases/case-opening';
import { CaseReadModel } from './cases/case-read-model';
import { CaseReports } from './cases/case-reports';
import { CaseCommandDispatch } from './cases/commands/case-command-dispatch';
import { CaseLinkChecks } from './cases/links/case-link-checks';
import { CaseStaffChecks } from './cases/staffing/case-staff-checks';
import { ForumMeetings } from './forums/forum-meetings';
import { NotificationOutbox } from './notifications/notification-outbox';
import { PolicyVersionSource } from './policy/policy-version-source';
import { TemporalClient } from './temporal/temporal-client';

/**
 * What acts on and reads cases: the one command path, opening, the read model, the reports, forum
 * meetings, the outbox, and the policy versions a case may run under. The API and the console both provide this one list, so a page acts through
 * the same code as the API's route for it.
 */
export const CASE_SERVICES = [TemporalClient, CaseCommands, CaseCommandDispatch, CaseOpening, CaseReadModel, CaseLinkChecks, CaseStaffChecks, CaseReports, ForumMeetings, NotificationOutbox, PolicyVersionSource];
