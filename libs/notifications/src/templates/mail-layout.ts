import escapeHtml from 'escape-html';

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What every notice says, in the order a busy reader wants it: what happened, the facts, what to do, where. */
export interface MailContent {
  readonly subject: string;
  readonly opening: string;
  readonly facts: readonly (readonly [label: string, value: string])[];
  readonly sections?: readonly { readonly heading: string; readonly lines: readonly string[]; readonly empty?: string }[];
  readonly todo: string;
  readonly link: { readonly url: string; readonly label: string };
}

export const longDate = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "the end of Monday 7 December 2026" for a date deadline, the exact London time for an hour limit. */
export function dueMoment(dueOn: string, dueAt: string): string {
  const endOfDay = new Date(dueAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }) === '23:59';
  return endOfDay ? `the end of ${longDate(dueOn)}` : `${new Date(dueAt).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' })}`;
}

/** The same message as plain text and as simple HTML that survives Outlook. */
export function renderMail(content: MailContent): RenderedMail {
  const sections = content.sections ?? [];
  const text = [
    content.opening,
    '',
    ...content.facts.map(([label, value]) => `${label}: ${value}`),
    ...sections.flatMap((section) => ['', `${section.heading}:`, ...(section.lines.length > 0 ? section.lines.map((line) => `  - ${line}`) : [`  ${section.empty ?? 'none'}`])]),
    '',
    `What to do: ${content.todo}`,
    '',
    `${content.link.label}: ${content.link.url}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:Arial,sans-serif">
<p>${escapeHtml(content.opening)}</p>
<table>
${content.facts.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
${sections
  .map(
    (section) =>
      `<h3>${escapeHtml(section.heading)}</h3>\n${section.lines.length > 0 ? `<ul>${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : `<p>${escapeHtml(section.empty ?? 'none')}</p>`}`,
  )
  .join('\n')}
<p><strong>What to do:</strong> ${escapeHtml(content.todo)}</p>
<p><a href="${escapeHtml(content.link.url)}">${escapeHtml(content.link.label)}</a></p>
</body></html>`;
  return { subject: content.subject, text, html };
}

export function caseFacts(headline: { team: string; caseworker?: string; riskLevel?: string }): [string, string][] {
  return [
    ...(headline.riskLevel ? [['Risk level', headline.riskLevel] as [string, string]] : []),
    ['Team', headline.team],
    ['Held by', headline.caseworker ? `caseworker ${headline.caseworker}` : 'no caseworker yet (unallocated)'],
  ];
}
