import { ApiParam } from '@nestjs/swagger';
import { CASE_REFERENCE_PATTERN, FORUM_MEETING_ID_PATTERN, plainTextPattern, POLICY_VERSION_ID } from '../../../../libs/domain/src';

/**
 * The path parameters of the API, each stated with the form it has, so that the document says what a
 * client may put there. A value of another form names nothing that exists: it is answered 404.
 */
const stated = (name: string, pattern: string, example: string) => () => ApiParam({ name, schema: { type: 'string', pattern }, example });

export const CaseReferencePath = stated('reference', CASE_REFERENCE_PATTERN.source, 'ASB-2026-000123');
export const ForumMeetingPath = stated('meetingId', FORUM_MEETING_ID_PATTERN.source, 'JAG-2026-12-01');
export const NotificationPath = stated('id', '^\\d+$', '318');
export const PolicyVersionPath = stated('id', POLICY_VERSION_ID.source, '2026.1');
export const TeamPath = stated('team', plainTextPattern(1), 'north');
/** The parts of a case a command names, as the case file numbers them (`step-1`, `legal-1`, `action-1`). */
export const CASE_PART_PATHS: Readonly<Record<string, () => MethodDecorator>> = {
  stepId: stated('stepId', '^step-\\d+$', 'step-1'),
  referralId: stated('referralId', '^legal-\\d+$', 'legal-1'),
  actionId: stated('actionId', '^action-\\d+$', 'action-1'),
  episodeId: stated('episodeId', '^episode-\\d+$', 'episode-1'),
  partyId: stated('partyId', plainTextPattern(1), 's1'),
  linkedReference: stated('linkedReference', CASE_REFERENCE_PATTERN.source, 'ASB-2026-000098'),
};
