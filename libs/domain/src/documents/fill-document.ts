import type { TemplateParagraph } from '../policy/document-kinds';
import { documentTemplateOn } from '../policy/document-templates';
import { type DocumentRequest, type DocumentSource, type Filling, incomplete } from './document-source';
import type { DocumentIncomplete, FilledDocument, FilledSection } from './filled-document';
import { caseClosedLetterValues, caseReviewLetterValues } from './letter-values';
import { stepNoticeValues } from './notice-values';

/**
 * Fills a document's template from the case file, or says which field the law needs that the file
 * lacks. A notice is dated by its step's true moment (a late entry's `takenAt`), so a notice served
 * last week is worded, and its windows counted, as on the day it was served; a letter by the day of
 * what it reports (the closure, the Case Review's outcome).
 */
export function fillDocument(source: DocumentSource, request: DocumentRequest): { document: FilledDocument } | { incomplete: DocumentIncomplete } {
  const filling = valuesFor(source, request);
  if ('incomplete' in filling) return filling;
  const template = documentTemplateOn(request.kind, filling.on);
  const values = { ...template.constants, reference: source.reference, ...filling.values };
  return {
    document: {
      kind: request.kind,
      templateVersion: template.version,
      title: template.title,
      authority: template.authority,
      language: 'en-GB',
      sections: template.sections.map((section) => ({ heading: section.heading, blocks: said(section.paragraphs, values).map((text) => filled(text, values)) })),
    },
  };
}

function valuesFor(source: DocumentSource, request: DocumentRequest): Filling | { incomplete: DocumentIncomplete } {
  if ('complainantId' in request) return caseClosedLetterValues(source, request.complainantId);
  if ('caseReviewId' in request) return caseReviewLetterValues(source, request.caseReviewId);
  const step = source.parts.enforcement.find((candidate) => candidate.id === request.stepId);
  if (!step || step.kind !== request.kind) return incomplete('stepId', `a ${request.kind} step with id ${request.stepId} is not on case ${source.reference}`);
  return stepNoticeValues(step, source);
}

type Values = Filling['values'];

/** The paragraphs of a section the case file has something to say in: one said `when` a value is stated is left out without it. */
function said(paragraphs: readonly TemplateParagraph[], values: Values): string[] {
  return paragraphs.flatMap((paragraph) => (typeof paragraph === 'string' ? [paragraph] : values[paragraph.when] === undefined ? [] : [paragraph.text]));
}

/** One paragraph of a template with its placeholders filled; a placeholder standing alone for a list becomes the list. */
function filled(text: string, values: Values): FilledSection['blocks'][number] {
  const alone = /^\{(\w+)\}$/.exec(text);
  const whole = alone ? values[alone[1] as string] : undefined;
  if (Array.isArray(whole)) return { list: whole };
  return {
    paragraph: text.replace(/\{(\w+)\}/g, (_match, name: string) => {
      const value = values[name];
      if (typeof value !== 'string') throw new RangeError(`template placeholder {${name}} has no single value`);
      return value;
    }),
  };
}
