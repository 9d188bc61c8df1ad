import type { CaseChange, CaseFile, CommandContext, Refusal } from './state';
import * as enforcement from './enforcement/record-step';
import * as facts from './enforcement/step-facts';
import * as service from './enforcement/service';
import * as incidents from './incidents';
import * as legal from './legal-commands';
import * as lifecycle from './lifecycle';
import * as oversight from './oversight';
import * as partnerActions from './partner-actions';
import * as sharing from './sharing';
import * as trigger from './community-trigger';
import * as corrections from './corrections';
import * as links from './links';
import type { RecordEnforcementStepCommand } from './enforcement/steps';
import { withTrueMoment } from './late-entry';
import * as hateCrime from '../case-types/hate-crime-commands';
import * as missing from '../case-types/missing-person-commands';
import * as safeguarding from '../case-types/safeguarding-commands';
import * as prevent from '../case-types/prevent-commands';

/** One thing a person can do to a case: when it is refused, and what it changes. Both pure. */
export interface CaseCommand<C> {
  readonly refusal: (file: CaseFile, command: C, ctx: CommandContext) => Refusal | undefined;
  readonly apply: (file: CaseFile, command: C, ctx: CommandContext) => CaseChange;
}

const define = <C>(refusal: CaseCommand<C>['refusal'], apply: CaseCommand<C>['apply']): CaseCommand<C> => ({ refusal, apply });

/**
 * Every command on an open case. The workflow registers each as a Temporal update whose validator is
 * `refusal` (so a refused command leaves no trace in history); the next-steps query asks the same
 * functions. Adding a command here is all it takes to make it durable, validated and explainable.
 */
export const CASE_COMMANDS = {
  assessRisk: define<lifecycle.AssessRiskCommand>(lifecycle.assessRiskRefusal, lifecycle.assessRisk),
  allocate: define<lifecycle.AllocateCommand>(lifecycle.allocateRefusal, lifecycle.allocate),
  recordInitialContact: withTrueMoment(define<lifecycle.RecordContactCommand>(lifecycle.initialContactRefusal, lifecycle.recordInitialContact)),
  recordComplainantUpdate: withTrueMoment(define<lifecycle.RecordContactCommand>(lifecycle.complainantUpdateRefusal, lifecycle.recordComplainantUpdate)),
  recordReview: withTrueMoment(
    define<Omit<lifecycle.RecordReviewCommand, 'reviewedBy'>>(
      (file) => lifecycle.reviewRefusal(file),
      (file, command, ctx) => lifecycle.recordReview(file, { ...command, reviewedBy: ctx.actor }, ctx),
    ),
  ),
  startMonitoring: define<lifecycle.ChangeStageCommand>(lifecycle.monitoringRefusal, lifecycle.changeStage('MONITORING')),
  resumeActive: define<lifecycle.ChangeStageCommand>(lifecycle.resumeRefusal, lifecycle.changeStage('ACTIVE')),
  recordIncident: define<incidents.RecordIncidentCommand>(incidents.incidentRefusal, incidents.recordIncident),
  recordConviction: define<incidents.RecordConvictionCommand>(incidents.convictionRefusal, incidents.recordConviction),
  changeForum: define<oversight.ChangeForumCommand>(oversight.forumChangeRefusal, oversight.changeForum),
  referToAdultsAtRisk: define<oversight.ReferToAdultsAtRiskCommand>(oversight.adultsAtRiskRefusal, oversight.referToAdultsAtRisk),
  recordEnforcementStep: withTrueMoment(define<RecordEnforcementStepCommand>(enforcement.enforcementStepRefusal, enforcement.recordEnforcementStep)),
  recordComplianceCheck: withTrueMoment(define<facts.RecordComplianceCheckCommand>(facts.complianceCheckRefusal, facts.recordComplianceCheck)),
  recordBreach: define<facts.RecordBreachCommand>(facts.breachRefusal, facts.recordBreach),
  recordService: withTrueMoment(define<service.RecordServiceCommand>(service.serviceRefusal, service.recordService)),
  recordFixedPenaltyPayment: withTrueMoment(define<facts.RecordFixedPenaltyPaymentCommand>(facts.fixedPenaltyPaymentRefusal, facts.recordFixedPenaltyPayment)),
  recordProsecutionDecision: define<facts.RecordProsecutionDecisionCommand>(facts.prosecutionDecisionRefusal, facts.recordProsecutionDecision),
  recordContractReview: define<facts.RecordStepReviewCommand>(facts.stepReviewRefusal, facts.recordStepReview),
  acknowledgeLegalReferral: define<legal.AcknowledgeReferralCommand>(legal.acknowledgeRefusal, legal.acknowledgeReferral),
  recordLegalDecision: define<legal.RecordLegalDecisionCommand>(legal.legalDecisionRefusal, legal.recordLegalDecision),
  listHearing: define<legal.ListHearingCommand>(legal.listHearingRefusal, legal.listHearing),
  recordHearingOutcome: withTrueMoment(define<legal.RecordHearingOutcomeCommand>(legal.hearingOutcomeRefusal, legal.recordHearingOutcome)),
  extendOrder: define<legal.ExtendOrderCommand>(legal.extendOrderRefusal, legal.extendOrder),
  recordOrderBreach: define<legal.RecordOrderBreachCommand>(legal.orderBreachRefusal, legal.recordOrderBreach),
  recordBeforeJudge: define<legal.RecordBeforeJudgeCommand>(legal.beforeJudgeRefusal, legal.recordBeforeJudge),
  recordOrderReview: define<legal.RecordOrderReviewCommand>(legal.orderReviewRefusal, legal.recordOrderReview),
  requestClosure: define<lifecycle.RequestClosureCommand>(lifecycle.closureRequestRefusal, lifecycle.requestClosure),
  decideClosure: define<lifecycle.DecideClosureCommand>(lifecycle.closureDecisionRefusal, lifecycle.decideClosure),
  recordSatisfactionFollowUp: withTrueMoment(define<lifecycle.RecordContactCommand>(lifecycle.satisfactionFollowUpRefusal, lifecycle.recordSatisfactionFollowUp)),
  reopen: define<lifecycle.ReopenCommand>((file, _command, ctx) => lifecycle.reopenRefusal(file, ctx), lifecycle.reopen),
  movePolicy: define<lifecycle.MovePolicyCommand>(lifecycle.movePolicyRefusal, lifecycle.movePolicy),
  assignPartnerAction: define<partnerActions.AssignPartnerActionCommand>(partnerActions.assignActionRefusal, partnerActions.assignPartnerAction),
  completePartnerAction: define<partnerActions.CompletePartnerActionCommand>(partnerActions.completeActionRefusal, partnerActions.completePartnerAction),
  shareWithAgency: define<sharing.ShareWithAgencyCommand>(sharing.shareRefusal, sharing.shareWithAgency),
  stopSharing: define<sharing.StopSharingCommand>(sharing.stopSharingRefusal, sharing.stopSharing),
  applyForCaseReview: define<trigger.ApplyForCaseReviewCommand>(trigger.applyForCaseReviewRefusal, trigger.applyForCaseReview),
  acknowledgeCaseReview: define<Record<string, never>>((file) => trigger.acknowledgeCaseReviewRefusal(file), trigger.acknowledgeCaseReview),
  decideCaseReviewThreshold: define<trigger.DecideCaseReviewThresholdCommand>(trigger.decideCaseReviewThresholdRefusal, trigger.decideCaseReviewThreshold),
  recordCaseReviewMeeting: define<trigger.RecordCaseReviewMeetingCommand>(trigger.recordCaseReviewMeetingRefusal, trigger.recordCaseReviewMeeting),
  recordCaseReviewOutcome: define<trigger.RecordCaseReviewOutcomeCommand>(trigger.recordCaseReviewOutcomeRefusal, trigger.recordCaseReviewOutcome),
  recordCaseReviewAppeal: define<trigger.RecordCaseReviewAppealCommand>(trigger.recordCaseReviewAppealRefusal, trigger.recordCaseReviewAppeal),
  decideCaseReviewAppeal: define<trigger.DecideCaseReviewAppealCommand>(trigger.decideCaseReviewAppealRefusal, trigger.decideCaseReviewAppeal),
  addParty: define<corrections.AddPartyCommand>(corrections.addPartyRefusal, corrections.addParty),
  editParty: define<corrections.EditPartyCommand>(corrections.editPartyRefusal, corrections.editParty),
  correctCategory: define<corrections.CorrectCategoryCommand>(corrections.correctCategoryRefusal, corrections.correctCategory),
  correctSummary: define<corrections.CorrectSummaryCommand>(corrections.correctSummaryRefusal, corrections.correctSummary),
  correctLocation: define<corrections.CorrectLocationCommand>(corrections.correctLocationRefusal, corrections.correctLocation),
  transferCase: define<corrections.TransferCaseCommand>(corrections.transferRefusal, corrections.transferCase),
  addCaseNote: define<corrections.AddCaseNoteCommand>((file) => corrections.caseNoteRefusal(file), corrections.addCaseNote),
  recordContactLog: define<corrections.RecordContactLogCommand>(corrections.contactLogRefusal, corrections.recordContactLog),
  linkCase: define<links.LinkCaseCommand>(links.linkCaseRefusal, links.linkCase),
  unlinkCase: define<links.UnlinkCaseCommand>(links.unlinkCaseRefusal, links.unlinkCase),
  // Each case type's own steps (libs/domain/src/case-types, docs/case-types.md).
  recordVictimContact: withTrueMoment(define<hateCrime.RecordVictimContactCommand>(hateCrime.victimContactRefusal, hateCrime.recordVictimContact)),
  recordPoliceNotification: withTrueMoment(define<hateCrime.RecordPoliceNotificationCommand>((file) => hateCrime.policeNotificationRefusal(file), hateCrime.recordPoliceNotification)),
  recordMissingEpisode: define<missing.RecordMissingEpisodeCommand>(missing.missingEpisodeRefusal, missing.recordMissingEpisode),
  recordReturnHomeInterview: withTrueMoment(define<missing.RecordReturnHomeInterviewCommand>(missing.returnHomeInterviewRefusal, missing.recordReturnHomeInterview)),
  recordSafeguardingReferral: withTrueMoment(define<safeguarding.RecordSafeguardingReferralCommand>((file) => safeguarding.safeguardingReferralRefusal(file), safeguarding.recordSafeguardingReferral)),
  recordPreventReferral: withTrueMoment(define<prevent.RecordPreventReferralCommand>((file) => prevent.preventReferralRefusal(file), prevent.recordPreventReferral)),
  recordChannelPanel: define<prevent.RecordChannelPanelCommand>((file) => prevent.channelPanelRefusal(file), prevent.recordChannelPanel),
  recordChannelReview: define<prevent.RecordChannelReviewCommand>((file) => prevent.channelReviewRefusal(file), prevent.recordChannelReview),
} as const;

/** Commands the workflow gives, before applying them, the complaints about the same victim or place on other cases. */
export const COMMANDS_WEIGHING_OTHER_CASES: ReadonlySet<CaseCommandName> = new Set<CaseCommandName>(['applyForCaseReview']);

export type CaseCommandName = keyof typeof CASE_COMMANDS;
export type CommandOf<N extends CaseCommandName> = (typeof CASE_COMMANDS)[N] extends CaseCommand<infer C> ? C : never;
export const CASE_COMMAND_NAMES = Object.keys(CASE_COMMANDS) as CaseCommandName[];

/** What travels in every command update: who is acting, the command, and the version it was based on. */
export interface CommandEnvelope<C> {
  readonly actor: string;
  readonly command: C;
  /**
   * The case versions the caller's view may be based on (HTTP If-Match, which may list several); a
   * command is refused unless the case is at one of them. Absent: any version will do.
   */
  readonly expectedVersions?: readonly number[];
}

/** Refuses a command made on a stale view of the case, so that of two people acting at once one wins and the other is told. */
export function staleVersionRefusal(file: CaseFile, expectedVersions: readonly number[] | undefined): Refusal | undefined {
  if (expectedVersions === undefined || expectedVersions.includes(file.version)) return undefined;
  const seen = expectedVersions.length === 0 ? 'no version of the case' : `version ${expectedVersions.join(' or ')}`;
  return {
    condition: 'CONCURRENT_CHANGE',
    message: `the command was based on ${seen}, and the case is now at version ${file.version}: reload it and try again`,
  };
}
