import { ApplicationFailure } from '@temporalio/activity';
import { expirePspo } from '../libs/domain/src';
import { renderPspoNotice } from '../libs/notifications/src';
import { findPspo, savePspoChange } from '../libs/persistence/src';
import type { PspoActivities } from './contract';
import { deliverOrRetry, type NoticeDependencies } from './notice.activities';

/** A concurrent change (an extension recorded at the same moment) is read again this many times before a retry of the activity. */
const SAVE_ATTEMPTS = 3;

export function pspoActivities({ orm, mailer, directory, links }: NoticeDependencies): PspoActivities {
  return {
    async deliverPspoNotice(notice) {
      const owner = directory.find(notice.pspo.owner);
      // Retryable on purpose, as for a case's notice: it waits, failing visibly, until the directory names the owner again.
      if (!owner) throw ApplicationFailure.retryable(`the owner of ${notice.pspo.id}, ${notice.pspo.owner}, is not listed in the staff directory`, 'NoRecipient');
      return deliverOrRetry(orm, mailer, { noticeKey: notice.key, kind: `PSPO_${notice.kind}`, reference: notice.pspo.id, ...renderPspoNotice(notice, links.apiBaseUrl) }, [owner.email]);
    },

    async recordPspoLapse({ pspoId, on }) {
      const em = orm.em.fork();
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        const stored = await findPspo(em, pspoId);
        if (!stored) throw ApplicationFailure.nonRetryable(`no PSPO ${pspoId}`, 'UnknownPspo');
        if (stored.pspo.dischargedOn || stored.pspo.status === 'EXPIRED') return;
        const lapsed = expirePspo(stored.pspo, on);
        if (!lapsed.ok) throw ApplicationFailure.nonRetryable(`${pspoId} cannot lapse on ${on}: ${lapsed.refusal.message}`, lapsed.refusal.condition);
        if (await savePspoChange(em, stored, lapsed.value, 'system')) return;
      }
      throw ApplicationFailure.retryable(`${pspoId} kept changing while its lapse was being recorded`, 'ConcurrentChange');
    },
  };
}
