/** The notices that are the paper of an enforcement step: each is made for one recorded step of its own kind. */
export const STEP_DOCUMENT_KINDS = [
  'WRITTEN_WARNING',
  'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  'COMMUNITY_PROTECTION_WARNING',
  'COMMUNITY_PROTECTION_NOTICE',
  'FIXED_PENALTY_NOTICE',
  'CLOSURE_NOTICE',
] as const;
export type StepDocumentKind = (typeof STEP_DOCUMENT_KINDS)[number];

/** Every document the service generates: the step notices, the letter to a complainant that the case is closed, and the ASB Case Review outcome letter. */
export const DOCUMENT_KINDS = [...STEP_DOCUMENT_KINDS, 'CASE_CLOSED_LETTER', 'CASE_REVIEW_OUTCOME_LETTER'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A paragraph, or one said only when the case file states what it needs (`{when}` names that placeholder). */
export type TemplateParagraph = string | { readonly when: string; readonly text: string };

/**
 * The wording of one notice from a date. Text holds `{placeholders}` that `fillDocument` supplies from
 * the case file and the statutory rules of the day; a placeholder it does not know is a fault of the
 * template, found by the unit tests. A change of wording is a new version appended here, never an edit
 * of one already served: a served document records the version it used.
 */
export interface DocumentTemplate {
  readonly kind: DocumentKind;
  readonly version: string;
  readonly effectiveFrom: string;
  readonly title: string;
  readonly authority: string;
  /** The partnership's own details this wording states (who a fixed penalty is paid to, and where): `{placeholders}` too. */
  readonly constants?: Readonly<Record<string, string>>;
  readonly sections: readonly { readonly heading: string; readonly paragraphs: readonly TemplateParagraph[] }[];
}
