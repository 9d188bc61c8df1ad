import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * What operators filter running cases by in the Temporal Web UI and `temporal workflow list`. They
 * must be registered on the namespace before a case upserts them (deploy/local does it for the dev server).
 */
export const CASE_SEARCH_ATTRIBUTES = {
  stage: defineSearchAttributeKey('AsbStage', SearchAttributeType.KEYWORD),
  riskLevel: defineSearchAttributeKey('AsbRiskLevel', SearchAttributeType.KEYWORD),
  forum: defineSearchAttributeKey('AsbForum', SearchAttributeType.KEYWORD),
  caseworker: defineSearchAttributeKey('AsbCaseworker', SearchAttributeType.KEYWORD),
  team: defineSearchAttributeKey('AsbTeam', SearchAttributeType.KEYWORD),
  nextDeadline: defineSearchAttributeKey('AsbNextDeadline', SearchAttributeType.DATETIME),
} as const;
