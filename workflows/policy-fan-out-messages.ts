import { defineQuery } from '@temporalio/workflow';
import type { LocalDate, PolicyVersion } from '../libs/domain/src';

/** What a fan-out has done so far: each case the version was sent to, once, by what it came to. */
export interface FanOutReport {
  readonly moved: readonly string[];
  readonly alreadyUnderIt: readonly string[];
  readonly refused: readonly { readonly reference: string; readonly reason: string }[];
}

export interface PolicyFanOutInput {
  /** The workflow id: one fan-out per version, so asking twice finds the first. */
  readonly fanOutId: string;
  readonly policy: PolicyVersion;
  /** The open cases the version applies to, named when the fan-out was asked for. */
  readonly references: readonly string[];
  readonly reason: string;
  /** The admin who asked for it: each case's timeline names them. */
  readonly actor: string;
  /** No case moves before the start of this day in England: the version's commencement. */
  readonly commencesOn: LocalDate;
  /** What earlier runs did, carried across continue-as-new; `references` then holds what is left. */
  readonly carried?: FanOutReport;
}

export interface FanOutProgress extends FanOutReport {
  readonly status: 'WAITING_FOR_COMMENCEMENT' | 'MOVING' | 'DONE';
  readonly commencesOn: LocalDate;
  readonly total: number;
  readonly remaining: number;
}

export const POLICY_FAN_OUT_WORKFLOW_TYPE = 'policyFanOutWorkflow';
export const fanOutProgressQuery = defineQuery<FanOutProgress>('fanOutProgress');

export function policyFanOutId(policyVersionId: string): string {
  return `policy-fan-out-${policyVersionId}`;
}
