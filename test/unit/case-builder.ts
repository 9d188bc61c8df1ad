/**
 * Builds case files for the domain unit tests the way the workflow does: open a case, then apply
 * commands one after another at advancing times. Every command is checked against its refusal
 * first, so a test can never apply a step the service would have refused.
 */
import {
  CASE_COMMANDS,
  type CaseChange,
  type CaseCommand,
  type CaseCommandName,
  type CaseFile,
  type CommandContext,
  type CommandOf,
  type Complainant,
  type Deadline,
  type DeadlineKind,
  type EnforcementStepKind,
  type LegalReferral,
  localDate,
  type OpenCaseCommand,
  openCaseFile,
  POLICY_VERSIONS,
  type PolicyVersion,
  type RecordEnforcementStepCommand,
  type Refusal,
  type Subject,
} from '../../libs/domain/src';

export const REFERENCE = 'ASB-2026-000123';
export const CASEWORKER = 'amira.khan';
export const MANAGER = 'team.leader';
export const LEGAL = 'priya.shah.legal';

const first = POLICY_VERSIONS[0];
if (!first) throw new Error('no policy version is published');
/** The partnership's published defaults (2026.1) under the 2014 Act. */
export const POLICY: PolicyVersion = first;

/** Adult council tenant: every housing step applies. */
export const DARREN: Subject = { id: 'subject-1', name: 'Darren Cole', dateOfBirth: localDate('1988-05-14'), tenure: 'MBC_TENANT' };
/** Adult owner-occupier: no tenancy steps. */
export const GARY: Subject = { id: 'subject-2', name: 'Gary Pratt', dateOfBirth: localDate('1975-09-30'), tenure: 'OWNER_OCCUPIER' };
/** 15 in late 2026; 16 on 10 March 2027. */
export const KYLE: Subject = { id: 'subject-3', name: 'Kyle Mason', dateOfBirth: localDate('2011-03-10'), tenure: 'MBC_TENANT' };
/** 16 since 1 February 2026; 18 on 1 February 2028. */
export const JORDAN: Subject = { id: 'subject-4', name: 'Jordan Hale', dateOfBirth: localDate('2010-02-01'), tenure: 'HOUSING_ASSOCIATION' };
/** 9 in late 2026; 10 on 1 June 2027. */
export const LIAM: Subject = { id: 'subject-5', name: 'Liam Hale', dateOfBirth: localDate('2017-06-01'), tenure: 'HOUSING_ASSOCIATION' };
/** Date of birth never recorded. */
export const UNKNOWN_AGE: Subject = { id: 'subject-6', name: 'Unknown male', tenure: 'UNKNOWN' };

export const MARGARET: Complainant = { id: 'complainant-1', name: 'Margaret Ellis', vulnerable: true };

/** A noise complaint taken by the call centre, triaged STANDARD and given to a caseworker on the spot. */
export const NOISE_REPORT: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'CUSTOMER_SERVICES_CALL',
  summary: 'Loud music and shouting from the flat above most nights after midnight.',
  riskLevel: 'STANDARD',
  team: 'north',
  caseworker: CASEWORKER,
  location: { address: '14 Egerton Road, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: true },
  complainants: [MARGARET],
  subjects: [DARREN, GARY, KYLE, JORDAN, LIAM, UNKNOWN_AGE],
  openedBy: CASEWORKER,
};

/** Monday 2 November 2026, 09:00 in England (GMT): the default opening time of the enforcement tests. */
export const OPENED = '2026-11-02T09:00:00Z';

export function openCase(overrides: Partial<OpenCaseCommand> = {}, at: string = OPENED, policy: PolicyVersion = POLICY): CaseFile {
  return openCaseFile(REFERENCE, policy, { ...NOISE_REPORT, ...overrides }, new Date(at)).file;
}

export function ctx(at: string, actor: string = CASEWORKER): CommandContext {
  return { now: new Date(at), actor };
}

function commandNamed<N extends CaseCommandName>(name: N): CaseCommand<CommandOf<N>> {
  return CASE_COMMANDS[name] as unknown as CaseCommand<CommandOf<N>>;
}

export function refusalOf<N extends CaseCommandName>(file: CaseFile, name: N, command: CommandOf<N>, at: string, actor: string = CASEWORKER): Refusal | undefined {
  return commandNamed(name).refusal(file, command, ctx(at, actor));
}

/** Applies a command the service would accept; fails the test, with the refusal, if it would not. */
export function change<N extends CaseCommandName>(file: CaseFile, name: N, command: CommandOf<N>, at: string, actor: string = CASEWORKER): CaseChange {
  const refusal = refusalOf(file, name, command, at, actor);
  if (refusal) throw new Error(`${name} refused at ${at}: ${refusal.condition}: ${refusal.message}`);
  return commandNamed(name).apply(file, command, ctx(at, actor));
}

export function run<N extends CaseCommandName>(file: CaseFile, name: N, command: CommandOf<N>, at: string, actor: string = CASEWORKER): CaseFile {
  return change(file, name, command, at, actor).file;
}

export function step(file: CaseFile, command: RecordEnforcementStepCommand, at: string, actor: string = CASEWORKER): CaseFile {
  return run(file, 'recordEnforcementStep', command, at, actor);
}

export function stepRefusal(file: CaseFile, command: RecordEnforcementStepCommand, at: string): Refusal | undefined {
  return refusalOf(file, 'recordEnforcementStep', command, at);
}

export function deadlineById(file: CaseFile, id: string): Deadline {
  const found = file.deadlines.find((deadline) => deadline.id === id);
  if (!found) throw new Error(`no deadline ${id}; the ledger has ${file.deadlines.map((d) => d.id).join(', ')}`);
  return found;
}

export function deadlinesOf(file: CaseFile, kind: DeadlineKind): Deadline[] {
  return file.deadlines.filter((deadline) => deadline.kind === kind);
}

export function pendingOfKind(file: CaseFile, kind: DeadlineKind): Deadline[] {
  return deadlinesOf(file, kind).filter((deadline) => deadline.status === 'PENDING');
}

/** The one pending deadline of `kind`; fails when there is none or more than one. */
export function onlyPending(file: CaseFile, kind: DeadlineKind): Deadline {
  const pending = pendingOfKind(file, kind);
  if (pending.length !== 1) throw new Error(`expected one pending ${kind}, found ${pending.length}`);
  return pending[0]!;
}

export function lastStep(file: CaseFile) {
  const last = file.enforcement.at(-1);
  if (!last) throw new Error('no enforcement step recorded');
  return last;
}

export function referralFor(file: CaseFile, kind: EnforcementStepKind): LegalReferral {
  const referral = file.legalReferrals.filter((candidate) => candidate.stepKind === kind).at(-1);
  if (!referral) throw new Error(`no legal referral for ${kind}`);
  return referral;
}

/**
 * A CPW served on `subject` at `at` with the policy's 14 days to comply. The subject is given a verbal
 * warning and a signed contract first, so the warning climbs the ladder without a skip reason.
 */
export function withCpw(file: CaseFile, subject: Subject, at: string): CaseFile {
  const day = at.slice(0, 10);
  let next = step(file, { kind: 'VERBAL_WARNING', subjectId: subject.id }, `${day}T08:00:00Z`);
  next = step(next, { kind: 'ACCEPTABLE_BEHAVIOUR_CONTRACT', subjectId: subject.id, subjectAgreed: true }, `${day}T08:30:00Z`);
  return step(next, { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: subject.id, conductConfirmed: true }, at);
}

/** A statutory rule that changes on `effectiveFrom` (a commencement date), for a hypothetical later policy version. */
export function policyWith(id: string, statutory: Partial<PolicyVersion['statutory']>, local: Partial<PolicyVersion['local']> = {}): PolicyVersion {
  return { id, effectiveFrom: POLICY.effectiveFrom, local: { ...POLICY.local, ...local }, statutory: { ...POLICY.statutory, ...statutory } };
}
