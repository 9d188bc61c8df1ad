import type { RiskLevel } from '../case-classification';

/**
 * The victim risk assessment (docs/domain.md, Risk): six questions about the victim's vulnerability. Each
 * answer that is true adds to the score; the officer's professional judgement may raise the level
 * the score gives, never lower it.
 */
export interface RiskAssessment {
  readonly disability: boolean;
  readonly mentalHealth: boolean;
  readonly isolation: boolean;
  readonly repeatVictimisation: boolean;
  readonly hateMotive: boolean;
  readonly impactOnDailyLife: boolean;
  readonly professionalJudgement?: RiskLevel;
  /** Who assessed: the acting person, filled in when the assessment is recorded. */
  readonly assessedBy?: string;
}

export const RISK_FACTORS = ['disability', 'mentalHealth', 'isolation', 'repeatVictimisation', 'hateMotive', 'impactOnDailyLife'] as const;
