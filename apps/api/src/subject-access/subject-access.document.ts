import escapeHtml from 'escape-html';
import type { SubjectAccessExport } from './subject-access.schemas';

type ExportedCase = SubjectAccessExport['cases'][number];

/** An enum value in words: ANTI_SOCIAL_BEHAVIOUR → Anti social behaviour. */
const words = (value: string) => {
  const text = value.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' });
/** An instant as a reader in England reads it, or a calendar date as a date. */
const when = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? DAY.format(new Date(`${value}T00:00:00Z`)) : LONDON.format(new Date(value)));
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const FILE_BEARINGS_IN_WORDS: Readonly<Record<ExportedCase['files'][number]['bearing'], string>> = {
  ADDRESSED_TO_THEM: 'addressed to you',
  PROVIDED_BY_THEM: 'provided by you',
  ABOUT_THEIR_INCIDENT: 'evidence of an incident you are part of',
};
const TENURES: Readonly<Record<string, string>> = { MBC_TENANT: 'Council (MBC) tenant', HOUSING_ASSOCIATION: 'Housing association tenant' };

/** A definition list of the facts that are present, each already escaped. */
function facts(pairs: readonly (readonly [string, string | undefined])[]): string {
  const rows = pairs.filter(([, value]) => value !== undefined && value !== '');
  return rows.length ? `<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>` : '';
}

function section(title: string, items: readonly string[]): string {
  return items.length ? `<h3>${escapeHtml(title)}</h3><ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '';
}

const text = (value: string | undefined) => (value === undefined ? undefined : escapeHtml(value));
const at = (value: string | undefined) => (value === undefined ? undefined : escapeHtml(when(value)));

function renderCase(entry: ExportedCase): string {
  const { party, case: outline } = entry;
  const role = party.role === 'SUBJECT' ? 'the person complained about (subject)' : party.role === 'WITNESS' ? 'a witness' : 'a complainant';
  return [
    `<section><h2>Case ${escapeHtml(entry.reference)}</h2>`,
    `<p>On this case you are ${role}${entry.matchedBy === 'NAME_ONLY' ? ' (found by name; no date of birth is recorded for you on it)' : ''}.</p>`,
    entry.complete ? '' : '<p class="note">Only an outline of this case is given here.</p>',
    facts([
      ['Name', text(party.name)],
      ['Date of birth', at(party.dateOfBirth)],
      ['Tenure', party.tenure && escapeHtml(TENURES[party.tenure] ?? words(party.tenure))],
      ['Recorded as vulnerable', party.vulnerable === undefined ? undefined : yesNo(party.vulnerable)],
      ['Contact', text(party.contact)],
      ['Type', escapeHtml(words(outline.type))],
      ['Category', escapeHtml(words(outline.category))],
      ['How it was reported', escapeHtml(words(outline.channel))],
      ['Stage', escapeHtml(words(outline.stage))],
      ['Team', text(outline.team)],
      ['Ward', text(outline.ward)],
      ['Opened', at(outline.openedAt)],
      ['Closed', at(outline.closedAt)],
      ['Reason for closing', outline.closureReason && escapeHtml(words(outline.closureReason))],
      ['Summary', text(outline.summary)],
      ['Risk level', outline.riskLevel && escapeHtml(words(outline.riskLevel))],
      ['What you were told at closure', text(outline.explanationToComplainant)],
    ]),
    entry.riskAssessment
      ? `<h3>Risk assessment</h3>${facts([
          ['Disability', yesNo(entry.riskAssessment.disability)],
          ['Mental health', yesNo(entry.riskAssessment.mentalHealth)],
          ['Isolation', yesNo(entry.riskAssessment.isolation)],
          ['Repeat victimisation', yesNo(entry.riskAssessment.repeatVictimisation)],
          ['Hate motive', yesNo(entry.riskAssessment.hateMotive)],
          ['Impact on daily life', yesNo(entry.riskAssessment.impactOnDailyLife)],
          ['Officer’s judgement', entry.riskAssessment.professionalJudgement && escapeHtml(words(entry.riskAssessment.professionalJudgement))],
        ])}`
      : '',
    entry.adultsAtRiskReferral ? `<h3>Referral to the adults-at-risk forum</h3>${facts([['When', at(entry.adultsAtRiskReferral.at)], ['Why', text(entry.adultsAtRiskReferral.reason)]])}` : '',
    section(
      'Incidents',
      entry.incidents.map((incident) => `${escapeHtml(when(incident.occurredAt))}: ${escapeHtml(incident.description)} <small>(reported ${escapeHtml(when(incident.reportedAt))})</small>`),
    ),
    section(
      'Enforcement steps',
      entry.enforcementSteps.map(
        (step) =>
          `<strong>${escapeHtml(step.title)}</strong>, ${escapeHtml(when(step.takenAt))}` +
          facts([
            ['Notes', text(step.notes)],
            ['Why a higher step was taken', text(step.skipReason)],
            ['Comply by', at(step.complianceDueOn)],
            ['Complied', step.complied === undefined ? undefined : yesNo(step.complied)],
            ['Non-compliance recorded', at(step.nonComplianceRecordedAt)],
            ['Requirements', step.requirements && step.requirements.map((requirement) => `${escapeHtml(requirement.text)} (by ${escapeHtml(when(requirement.dueOn))})`).join('; ')],
            ['Breaches', step.breaches.length ? step.breaches.map((breach) => `${escapeHtml(when(breach.at))}: ${escapeHtml(breach.description)}`).join('; ') : undefined],
            ['Amount', step.amountPounds === undefined ? undefined : `£${escapeHtml(String(step.amountPounds))}`],
            ['Paid', at(step.paidAt)],
            ['Premises', text(step.premises)],
            ['Ended', at(step.endedAt)],
          ]),
      ),
    ),
    section(
      'Legal proceedings',
      entry.legalReferrals.map(
        (referral) =>
          `<strong>${escapeHtml(words(referral.stepKind))}</strong>: ${escapeHtml(words(referral.status))}` +
          facts([
            ['Referred', at(referral.referredAt)],
            ['Dealt with as a youth', yesNo(referral.youth)],
            ['Decision', referral.decision && `${referral.decision.proceed ? 'proceed' : 'not to proceed'}: ${escapeHtml(referral.decision.reason)} (${escapeHtml(when(referral.decision.at))})`],
            ['Hearing', referral.hearing && `${escapeHtml(when(referral.hearing.at))}, ${escapeHtml(words(referral.hearing.court))}`],
            ['Order', referral.order && `made ${escapeHtml(when(referral.order.madeOn))}, until ${escapeHtml(when(referral.order.extendedOn ?? referral.order.expiresOn))}: ${escapeHtml(referral.order.terms)}`],
            ['Breaches', referral.breaches.length ? referral.breaches.map((breach) => `${escapeHtml(when(breach.at))}: ${escapeHtml(breach.description)}`).join('; ') : undefined],
          ]),
      ),
    ),
    section('Convictions', entry.convictions.map((conviction) => `${escapeHtml(when(conviction.convictedOn))}: ${escapeHtml(conviction.offence)}`)),
    section(
      'ASB Case Reviews',
      entry.caseReviews.map(
        (review) =>
          `Applied ${escapeHtml(when(review.receivedAt))} (${escapeHtml(words(review.applicant))}${review.applicantName ? `, ${escapeHtml(review.applicantName)}` : ''}): ${escapeHtml(words(review.status))}` +
          facts([
            ['Threshold', review.thresholdDecision && `${review.thresholdDecision.met ? 'met' : 'not met'}: ${escapeHtml(review.thresholdDecision.reason)}`],
            ['Meeting', review.meeting && `${escapeHtml(when(review.meeting.heldAt))}: ${escapeHtml(review.meeting.recommendations)}`],
            ['Outcome', review.outcome && `${escapeHtml(when(review.outcome.sentAt))}: ${escapeHtml(review.outcome.summary)}`],
            ['Appeal', review.appeal && `${escapeHtml(review.appeal.reason)}${review.appeal.decision ? ` (${review.appeal.decision.upheld ? 'upheld' : 'not upheld'}: ${escapeHtml(review.appeal.decision.reason)})` : ''}`],
          ]),
      ),
    ),
    section(
      'Actions asked of partner agencies',
      entry.partnerActions.map(
        (action) =>
          `${escapeHtml(words(action.agency))}: ${escapeHtml(action.description)} (due ${escapeHtml(when(action.dueOn))}${action.completedAt ? `; done ${escapeHtml(when(action.completedAt))}${action.outcome ? `: ${escapeHtml(action.outcome)}` : ''}` : ''})`,
      ),
    ),
    section(
      'Documents and evidence (enclosed)',
      entry.files.map((file) => `${escapeHtml(file.title)}, ${escapeHtml(when(file.at))}: ${escapeHtml(FILE_BEARINGS_IN_WORDS[file.bearing])}${file.withdrawn ? ' (withdrawn from the case)' : ''}`),
    ),
    section('Where the case was discussed', entry.forumDecisions.map((decision) => `${escapeHtml(when(decision.at))}: from ${escapeHtml(words(decision.from))} to ${escapeHtml(words(decision.to))}: ${escapeHtml(decision.reason)}`)),
    section(
      'Agencies the case was shared with',
      entry.sharedWith.map((share) => `${escapeHtml(words(share.agency))}, ${escapeHtml(when(share.at))}${share.summaryOnly ? ' (a summary only)' : ''}: ${escapeHtml(share.reason)}`),
    ),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The export as a document a person can read: every value escaped, no script, no outside resource. */
export function subjectAccessDocument(exported: SubjectAccessExport): string {
  const person = `${exported.person.name}${exported.person.dateOfBirth ? `, born ${when(exported.person.dateOfBirth)}` : ''}`;
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>Subject access: ${escapeHtml(exported.person.name)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.4}dt{font-weight:600}dd{margin:0 0 .4rem 1rem}section{border-top:1px solid #999;margin-top:1.5rem}.note{color:#8a4b00}</style>',
    '</head><body>',
    `<h1>Information held about ${escapeHtml(person)}</h1>`,
    `<p>Exported on ${escapeHtml(when(exported.exportedAt))} by ${escapeHtml(exported.exportedBy)}. ${
      exported.cases.length === 0 ? 'No case names this person.' : `${exported.cases.length} case record${exported.cases.length === 1 ? '' : 's'} name this person: ${exported.cases.map((entry) => escapeHtml(entry.reference)).join(', ')}.`
    }</p>`,
    ...exported.cases.map(renderCase),
    `<section><h2>What this document does not include, and why</h2><ul>${exported.withheld.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul></section>`,
    '</body></html>',
  ].join('\n');
}
