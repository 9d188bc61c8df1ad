import type { Pspo, PspoDeadline } from '../../../domain/src';
import { longDate, type MailContent, renderMail, type RenderedMail } from './mail-layout';

/** What a PSPO's owner is told (activities/contract.ts `PspoNotice`): a deadline coming, the consultation overdue, or the order lapsed. */
export interface PspoMailFacts {
  readonly kind: 'CONSULTATION_DUE' | 'EXPIRY_APPROACHING' | 'EXPIRED';
  readonly pspo: Pspo;
  readonly deadline?: PspoDeadline;
  readonly overdue?: boolean;
}

/** The owner's mail, linking to the order in the API (the console has no PSPO pages yet). */
export function renderPspoNotice(notice: PspoMailFacts, apiBaseUrl: string): RenderedMail {
  const { pspo } = notice;
  const facts: [string, string][] = [
    ['PSPO', `${pspo.id}: ${pspo.title}`],
    ['Area', pspo.area.description],
    ['Made on', longDate(pspo.madeOn)],
    ['Last day in force', longDate(pspo.expiresOn)],
  ];
  const link = { url: `${apiBaseUrl}/pspos/${encodeURIComponent(pspo.id)}`, label: 'The order' };
  return renderMail({ ...content(notice), facts: notice.deadline ? [...facts, ['Why', notice.deadline.reason]] : facts, link });
}

function content(notice: PspoMailFacts): Omit<MailContent, 'facts' | 'link'> {
  const { pspo, deadline } = notice;
  switch (notice.kind) {
    case 'CONSULTATION_DUE':
      return notice.overdue
        ? { subject: `PSPO consultation overdue: ${pspo.id} ${pspo.title}`, opening: `The consultation on extending ${pspo.id} was due to close by ${longDate(deadline!.dueOn)}, and none is recorded.`, todo: 'Consult the police, the local policing body and community representatives (s.72) now if the order is to be extended, and record the consultation once it closes.' }
        : { subject: `PSPO consultation due: ${pspo.id} ${pspo.title}`, opening: `The consultation on extending ${pspo.id} is due to close by ${longDate(deadline!.dueOn)}.`, todo: 'Decide whether the order should be extended; if so, publish the proposal and consult the police, the local policing body and community representatives (s.72), and record the consultation once it closes.' };
    case 'EXPIRY_APPROACHING':
      return { subject: `PSPO expiring: ${pspo.id} ${pspo.title}`, opening: `${pspo.id} has effect to the end of ${longDate(pspo.expiresOn)} unless it is extended before then (s.60).`, todo: 'Extend the order before it expires, after its consultation, or let it lapse and take down its signs.' };
    case 'EXPIRED':
      return { subject: `PSPO expired: ${pspo.id} ${pspo.title}`, opening: `${pspo.id} lapsed at the end of ${longDate(pspo.expiresOn)}: it no longer has effect, and a breach after that day is no offence.`, todo: 'Take down its signs and remove it from the council’s published orders; a new order needs its own consultation.' };
  }
}
