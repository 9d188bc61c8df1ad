import { condition, setHandler } from '@temporalio/workflow';
import { londonDateOf, type Pspo, pspoDeadlines, pspoLapsesAt, pspoNextAlarmAt, pspoRemindersOwedAt } from '../libs/domain/src';
import { activities } from './activities';
import { pspoChangedUpdate, pspoPlanQuery, type PspoWorkflowInput } from './pspo-messages';

/**
 * The timers of one PSPO (ASBCPA 2014 s.60; docs/pspo.md): its owner reminded that the consultation on
 * extending it is due and that it is about to expire, each once per deadline (the deadline's id, which
 * names the expiry it belongs to, is the key), and its lapse recorded and told at the end of its last
 * day. Every rule is the domain's; a change of the order re-plans them, and a discharge ends them.
 */
export async function pspoWorkflow(input: PspoWorkflowInput): Promise<'EXPIRED' | 'DISCHARGED'> {
  let pspo: Pspo = input.pspo;
  const sent = new Set<string>();
  setHandler(pspoChangedUpdate, (changed) => {
    // A late delivery of an older state never undoes a newer one: decisions only ever append.
    if (changed.id === pspo.id && changed.decisions.length >= pspo.decisions.length) pspo = changed;
  });
  setHandler(pspoPlanQuery, () => ({ deadlines: pspoDeadlines(pspo, londonDateOf(new Date())), remindersSent: [...sent] }));

  for (;;) {
    if (pspo.dischargedOn) return 'DISCHARGED';
    const now = new Date();
    if (now >= pspoLapsesAt(pspo)) {
      await activities.recordPspoLapse({ pspoId: pspo.id, on: londonDateOf(now) });
      await activities.deliverPspoNotice({ kind: 'EXPIRED', pspo, key: `${pspo.id}:PSPO_EXPIRED:${pspo.expiresOn}` });
      return 'EXPIRED';
    }
    for (const reminder of pspoRemindersOwedAt(pspo, now, sent)) {
      await activities.deliverPspoNotice({ kind: reminder.kind, pspo, key: reminder.deadline.id, deadline: reminder.deadline, overdue: reminder.overdue });
      sent.add(reminder.deadline.id);
    }
    const current = pspo;
    const alarm = pspoNextAlarmAt(pspo, new Date(), sent);
    if (!alarm) return 'DISCHARGED';
    await condition(() => pspo !== current, Math.max(alarm.getTime() - Date.now(), 1));
  }
}
