import { addDays, compareDates, londonDateOf } from '../calendar';
import { deadlineAt } from '../deadline';
import { changed, type NewEntry, nextDeadlineId, resolvePending } from '../case-file/change';
import { forumIsAbove, forumMoved } from '../case-file/oversight';
import type { CaseChange, CaseFile, CommandContext, Refusal } from '../case-file/state';
import { SYSTEM_ACTOR } from '../system-actor';
import { RETURN_HOME_INTERVIEW_HOURS } from './missing-person';
import type { MissingEpisode } from './records';
import { caseTypePolicyOf } from './type-policy';
import { typeCommandRefusal } from './type-refusal';

const HOUR_MS = 3_600_000;

export interface RecordMissingEpisodeCommand {
  /** ISO instant the child was last seen. */
  readonly missingFrom: string;
  /** ISO instant the child came back (home or to their care placement). */
  readonly returnedAt: string;
}

export interface RecordReturnHomeInterviewCommand {
  readonly episodeId: string;
  /** Whether the child took up the interview offered. */
  readonly accepted: boolean;
  readonly summary: string;
}

export const missingEpisodesOf = (file: CaseFile): readonly MissingEpisode[] => file.missingEpisodes ?? [];

/** The episodes that began within the window before `episode` began, itself included. */
export function episodesWithinWindow(episodes: readonly MissingEpisode[], episode: MissingEpisode, windowDays: number): MissingEpisode[] {
  const began = londonDateOf(new Date(episode.missingFrom));
  const from = addDays(began, -windowDays);
  return episodes.filter((other) => {
    const day = londonDateOf(new Date(other.missingFrom));
    return compareDates(day, from) >= 0 && compareDates(day, began) <= 0;
  });
}

export function missingEpisodeRefusal(file: CaseFile, command: RecordMissingEpisodeCommand, { now }: CommandContext): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'MISSING_PERSON', 'a missing episode');
  if (refused) return refused;
  if (Date.parse(command.returnedAt) > now.getTime()) return { condition: 'OCCURRED_IN_FUTURE', message: `the child cannot have returned at ${command.returnedAt}, which is still to come` };
  return Date.parse(command.returnedAt) < Date.parse(command.missingFrom)
    ? { condition: 'RETURN_BEFORE_MISSING', message: `returnedAt ${command.returnedAt} is before missingFrom ${command.missingFrom}` }
    : undefined;
}

/**
 * An episode, counted; the return home interview falls due 72 hours after the return. The episode that
 * makes the local number within the window (3 in 90 days) takes the case to the MAG, recorded as any
 * escalation is, by the policy rather than a person.
 */
export function recordMissingEpisode(file: CaseFile, command: RecordMissingEpisodeCommand, { now, actor }: CommandContext): CaseChange {
  const policy = caseTypePolicyOf(file.policy.local);
  const episode: MissingEpisode = { id: `episode-${missingEpisodesOf(file).length + 1}`, missingFrom: command.missingFrom, returnedAt: command.returnedAt, recordedBy: actor, recordedAt: now.toISOString() };
  const episodes = [...missingEpisodesOf(file), episode];
  const inWindow = episodesWithinWindow(episodes, episode, policy.missingEpisodeWindowDays).length;
  const interview = deadlineAt(
    {
      id: nextDeadlineId(file, 'RETURN_HOME_INTERVIEW'),
      kind: 'RETURN_HOME_INTERVIEW',
      reason: `a return home interview is offered within ${RETURN_HOME_INTERVIEW_HOURS} hours of the child's return (statutory guidance, DfE 2014)`,
      stepId: episode.id,
    },
    new Date(Date.parse(command.returnedAt) + RETURN_HOME_INTERVIEW_HOURS * HOUR_MS),
    now,
  );
  const entries: NewEntry[] = [
    {
      kind: 'MISSING_EPISODE_RECORDED',
      at: now.toISOString(),
      actor,
      summary: `Missing episode ${episodes.length}: missing from ${command.missingFrom}, returned ${command.returnedAt}; ${inWindow} in the last ${policy.missingEpisodeWindowDays} days`,
      data: { episodeId: episode.id, episodeCount: episodes.length, inWindow },
    },
  ];
  let forum: Partial<CaseFile> = {};
  if (inWindow >= policy.missingEpisodesForMag && forumIsAbove(file, 'MAG')) {
    const moved = forumMoved(file, 'MAG', `${inWindow} missing episodes within ${policy.missingEpisodeWindowDays} days (local policy: ${policy.missingEpisodesForMag} take the case to the MAG)`, SYSTEM_ACTOR, now);
    forum = moved.next;
    entries.push(moved.entry);
  }
  return changed(file, { ...forum, missingEpisodes: episodes, deadlines: [...file.deadlines, interview] }, entries);
}

export function returnHomeInterviewRefusal(file: CaseFile, command: RecordReturnHomeInterviewCommand, { now }: CommandContext): Refusal | undefined {
  const refused = typeCommandRefusal(file, 'MISSING_PERSON', 'a return home interview');
  if (refused) return refused;
  const episode = missingEpisodesOf(file).find((candidate) => candidate.id === command.episodeId);
  if (!episode) return { condition: 'UNKNOWN_EPISODE', message: `no missing episode ${command.episodeId} on case ${file.reference}` };
  if (episode.returnHomeInterview) return { condition: 'INTERVIEW_ALREADY_RECORDED', message: `the interview for ${episode.id} was offered at ${episode.returnHomeInterview.offeredAt}` };
  return now.getTime() < Date.parse(episode.returnedAt) ? { condition: 'INTERVIEW_BEFORE_RETURN', message: `the child returned at ${episode.returnedAt}` } : undefined;
}

/** The interview offered (taken up or not): the offer is the duty, and it meets the episode's 72 hours. */
export function recordReturnHomeInterview(file: CaseFile, command: RecordReturnHomeInterviewCommand, { now, actor }: CommandContext): CaseChange {
  const missingEpisodes = missingEpisodesOf(file).map((episode) =>
    episode.id === command.episodeId ? { ...episode, returnHomeInterview: { offeredAt: now.toISOString(), accepted: command.accepted, summary: command.summary, recordedBy: actor } } : episode,
  );
  const late = file.deadlines.some((deadline) => deadline.kind === 'RETURN_HOME_INTERVIEW' && deadline.stepId === command.episodeId && deadline.status === 'MISSED');
  return changed(
    file,
    { missingEpisodes, deadlines: resolvePending(file.deadlines, (d) => d.kind === 'RETURN_HOME_INTERVIEW' && d.stepId === command.episodeId, 'MET', `interview offered by ${actor}`, now) },
    [
      {
        kind: 'RETURN_HOME_INTERVIEW_OFFERED',
        at: now.toISOString(),
        actor,
        summary: `Return home interview offered for ${command.episodeId}${late ? ' (late)' : ''}, ${command.accepted ? 'taken up' : 'declined'}: ${command.summary}`,
        data: { episodeId: command.episodeId, accepted: command.accepted },
      },
    ],
  );
}
