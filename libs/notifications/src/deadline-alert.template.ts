import type { DeadlineAlert } from '../../../activities/contract';

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const longDate = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** What the reader should do about each kind of missed deadline. */
const WHAT_TO_DO: Partial<Record<DeadlineAlert['kind'], string>> = {
  CASE_REVIEW: 'make sure the review is carried out and recorded today. Recording it sets the next review date. If it is still overdue after 5 working days it is escalated to the head of service.',
  REVIEW_ESCALATION: 'the review is still not done after the escalation period: ask the team manager why, and see that it is recorded.',
  INITIAL_CONTACT: 'contact the complainant today and record it.',
  LEGAL_ACKNOWLEDGEMENT: 'acknowledge the referral in the case service.',
  LEGAL_DECISION: 'record the decision to proceed or decline, with the reason.',
  HEARING: 'record the hearing outcome (order made, refused or adjourned), or re-list the hearing.',
  BREACH_BEFORE_JUDGE: 'the statutory 24 hours have passed: record when the subject came before a judge and escalate.',
  CLOSURE_ORDER_HEARING: 'the 48-hour limit for hearing the closure order application has passed: record the outcome.',
  PROSECUTION_DECISION: 'record whether the unpaid fixed penalty will be prosecuted.',
  PARTNER_ACTION: 'complete the action and record it in the case service; overdue actions go on the next JAG agenda.',
};

/**
 * For the person who must act. Carries the reference, the deadline and who holds the case: enough to
 * act on, and nothing about the victim (the case file holds that, behind access control).
 */
export function renderDeadlineAlert(alert: DeadlineAlert, caseUrl: string): RenderedMail {
  const due = longDate(alert.dueOn);
  const holder = alert.caseworker ? `caseworker ${alert.caseworker}` : 'no caseworker yet (unallocated)';
  const risk = alert.riskLevel ? ` (${alert.riskLevel} risk)` : '';
  const subject =
    alert.kind === 'CASE_REVIEW'
      ? `Overdue review: ${alert.reference}${risk} was due ${due}`
      : `Missed deadline: ${alert.title} on ${alert.reference}${risk}, due ${due}`;
  const opening =
    alert.kind === 'CASE_REVIEW'
      ? `The review of case ${alert.reference} was due by the end of ${due} and has not been recorded.`
      : `${alert.title} on case ${alert.reference} was due by ${alert.dueAt.endsWith('23:59:59.999Z') || alert.dueAt.endsWith('22:59:59.999Z') ? `the end of ${due}` : new Date(alert.dueAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })} and has not been recorded as done.`;
  const todo = WHAT_TO_DO[alert.kind] ?? 'record it in the case service as soon as it is done.';
  const text = [
    opening,
    '',
    `Why it was due: ${alert.reason}`,
    ...(alert.riskLevel ? [`Risk level: ${alert.riskLevel}`] : []),
    `Team: ${alert.team}`,
    `Held by: ${holder}`,
    '',
    `What to do: ${todo}`,
    '',
    `Open the case: ${caseUrl}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif">
<p>${escapeHtml(opening)}</p>
<table>
<tr><th align="left">Why it was due</th><td>${escapeHtml(alert.reason)}</td></tr>
${alert.riskLevel ? `<tr><th align="left">Risk level</th><td>${escapeHtml(alert.riskLevel)}</td></tr>` : ''}
<tr><th align="left">Team</th><td>${escapeHtml(alert.team)}</td></tr>
<tr><th align="left">Held by</th><td>${escapeHtml(holder)}</td></tr>
</table>
<p><strong>What to do:</strong> ${escapeHtml(todo)}</p>
<p><a href="${escapeHtml(caseUrl)}">Open case ${escapeHtml(alert.reference)}</a></p>
</body></html>`;
  return { subject, text, html };
}
