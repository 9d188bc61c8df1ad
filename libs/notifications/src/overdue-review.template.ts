import type { OverdueReviewAlert } from '../../../activities/contract';

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const longDate = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * For the team manager. Carries the reference, the risk and who holds the case: enough to act on,
 * and nothing about the victim (the case file holds that, behind access control).
 */
export function renderOverdueReviewAlert(alert: OverdueReviewAlert, caseUrl: string): RenderedMail {
  const due = longDate(alert.dueOn);
  const holder = alert.caseworker ? `caseworker ${alert.caseworker}` : 'no caseworker yet (unallocated)';
  const subject = `Overdue review: ${alert.reference} (${alert.riskLevel} risk) was due ${due}`;
  const text = [
    `The review of case ${alert.reference} was due by the end of ${due} and has not been recorded.`,
    '',
    `Risk level: ${alert.riskLevel}`,
    `Team: ${alert.team}`,
    `Held by: ${holder}`,
    '',
    'What to do: make sure the review is carried out and recorded today. Recording it sets the next review date.',
    'If it is still overdue after 5 working days it is escalated to the head of service.',
    '',
    `Open the case: ${caseUrl}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif">
<p>The review of case <strong>${escapeHtml(alert.reference)}</strong> was due by the end of <strong>${escapeHtml(due)}</strong> and has not been recorded.</p>
<table>
<tr><th align="left">Risk level</th><td>${escapeHtml(alert.riskLevel)}</td></tr>
<tr><th align="left">Team</th><td>${escapeHtml(alert.team)}</td></tr>
<tr><th align="left">Held by</th><td>${escapeHtml(holder)}</td></tr>
</table>
<p><strong>What to do:</strong> make sure the review is carried out and recorded today. Recording it sets the next review date.
If it is still overdue after 5 working days it is escalated to the head of service.</p>
<p><a href="${escapeHtml(caseUrl)}">Open case ${escapeHtml(alert.reference)}</a></p>
</body></html>`;
  return { subject, text, html };
}
