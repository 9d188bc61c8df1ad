import type { DocumentKind } from '../policy/document-kinds';

/** A notice with its wording filled in from the case file: what a renderer lays out, and nothing more. */
export interface FilledDocument {
  readonly kind: DocumentKind;
  /** The template version the wording came from, recorded with the served document. */
  readonly templateVersion: string;
  readonly title: string;
  readonly authority: string;
  /** BCP 47: what a screen reader reads it in. */
  readonly language: 'en-GB';
  readonly sections: readonly FilledSection[];
}

export interface FilledSection {
  readonly heading: string;
  /** A list item is a string of a list placeholder (each requirement, say); the rest are paragraphs. */
  readonly blocks: readonly ({ readonly paragraph: string } | { readonly list: readonly string[] })[];
}

/** Why a notice cannot be made yet: the field of the case file the law needs and the file lacks. */
export interface DocumentIncomplete {
  readonly missing: string;
  readonly message: string;
}
