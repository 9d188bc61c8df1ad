import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseFile, OpenCaseCommand, RecordReviewCommand } from '../libs/domain/src';

/** The messages a case workflow answers. The API and tests import these; the workflow implements them. */
export const openCase = defineUpdate<CaseFile, [OpenCaseCommand]>('openCase');
export const recordReview = defineUpdate<CaseFile, [RecordReviewCommand]>('recordReview');
export const caseFileQuery = defineQuery<CaseFile | null>('caseFile');

export interface CaseWorkflowInput {
  readonly reference: string;
  readonly policyVersionId: string;
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';
