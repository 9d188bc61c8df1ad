import { changed, resolvePending } from '../case-file/change';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../case-file/state';
import { typeCommandRefusal } from './type-refusal';

export interface RecordSafeguardingReferralCommand {
  readonly summary: string;
  /** The reference children's social care gave the referral, when known. */
  readonly socialCareReference?: string;
}

export function safeguardingReferralRefusal(file: CaseFile): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'CHILD_SEXUAL_EXPLOITATION', "a safeguarding referral to children's social care");
  if (refused) return refused;
  return file.safeguardingReferral ? { condition: 'SAFEGUARDING_REFERRAL_MADE', message: `the referral was made at ${file.safeguardingReferral.referredAt}` } : undefined;
}

/** Meets the same-working-day referral to children's social care. */
export function recordSafeguardingReferral(file: CaseFile, command: RecordSafeguardingReferralCommand, { now, actor }: CommandContext): CaseChange {
  const late = file.deadlines.some((deadline) => deadline.kind === 'SAFEGUARDING_REFERRAL' && deadline.status === 'MISSED');
  return changed(
    file,
    {
      safeguardingReferral: { referredAt: now.toISOString(), referredBy: actor, summary: command.summary, ...(command.socialCareReference ? { socialCareReference: command.socialCareReference } : {}) },
      deadlines: resolvePending(file.deadlines, (d) => d.kind === 'SAFEGUARDING_REFERRAL', 'MET', `referred by ${actor}`, now),
    },
    [
      {
        kind: 'SAFEGUARDING_REFERRAL_MADE',
        at: now.toISOString(),
        actor,
        summary: `Safeguarding referral to children's social care${late ? ' (late)' : ''}${command.socialCareReference ? ` (${command.socialCareReference})` : ''}: ${command.summary}`,
      },
    ],
  );
}
