import {
  DOCUMENT_TEMPLATES,
  type DocumentSource,
  type EnforcementStep,
  fillDocument,
  type FilledDocument,
  STATUTORY_RULES_2014_ACT,
} from '../../libs/domain/src';
import { DARREN } from './case-builder';
import { BREACHED_CPN_STEP, CPN_STEP as CPN, CPW_STEP as CPW, FPN_STEP as FPN } from './notice-steps';

function source(...enforcement: EnforcementStep[]): DocumentSource {
  return { reference: 'ASB-2026-000123', parts: { subjects: [DARREN], enforcement }, statutory: STATUTORY_RULES_2014_ACT };
}

/** The notice as one text, as a reader (or a PDF's text layer) has it. */
function textOf(document: FilledDocument): string {
  return [document.title, ...document.sections.flatMap((section) => [section.heading, ...section.blocks.flatMap((block) => ('list' in block ? block.list : [block.paragraph]))])].join('\n');
}

function filled(result: ReturnType<typeof fillDocument>): FilledDocument {
  if ('incomplete' in result) throw new Error(`refused: ${result.incomplete.missing}`);
  return result.document;
}

describe('filling a notice from the case file', () => {
  it('a CPN lists each requirement with its date, the offence, the fixed penalty of the day and the right to appeal within 21 days, the day of issue being day 1', () => {
    const document = filled(fillDocument(source(CPW, CPN), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' }));

    expect(document).toMatchObject({ kind: 'COMMUNITY_PROTECTION_NOTICE', templateVersion: '2026.1', title: 'Community Protection Notice', language: 'en-GB' });
    const requirements = document.sections.find((section) => section.heading === 'What you are required to do')?.blocks[1];
    expect(requirements).toEqual({ list: ['Play no amplified music after 11pm. By 1 December 2026.', 'Remove the speakers from the balcony. By 15 December 2026.'] });
    const text = textOf(document);
    expect(text).toContain('Darren Cole');
    expect(text).toContain('Issued on 1 December 2026.');
    expect(text).toContain('criminal offence (section 48 of the Act)');
    expect(text).toContain('fixed penalty notice of up to £100 (section 52)');
    expect(text).toContain('appeal against this notice to a magistrates’ court within 21 days, beginning with the day you were given it, which counts as the first day (section 46)');
    // 1 December is day 1, so day 21 is 21 December.
    expect(text).toContain('If you were given it on the day it was issued, the last day to appeal is 21 December 2026.');
  });

  it('dates a notice entered late by when it was issued: its appeal window runs from then', () => {
    const servedEarlier = { ...CPN, takenAt: '2026-11-20T16:00:00Z' };
    const text = textOf(filled(fillDocument(source(servedEarlier), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })));
    expect(text).toContain('Issued on 20 November 2026.');
    expect(text).toContain('the last day to appeal is 10 December 2026');
  });

  it('counts the appeal window of a CPN whose service is recorded from the day it was served', () => {
    const served = { ...CPN, service: { method: 'BY_POST' as const, servedAt: '2026-12-03T09:00:00Z', servedBy: 'amira.khan', recordedBy: 'amira.khan' } };
    const text = textOf(filled(fillDocument(source(served), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })));
    expect(text).toContain('You were given it on 3 December 2026, so the last day to appeal is 23 December 2026.');
  });

  it('refuses a CPN with no requirement, naming the field', () => {
    expect(fillDocument(source({ ...CPN, requirements: [] }), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })).toEqual({
      incomplete: { missing: 'requirements', message: 'a Community Protection Notice states at least one requirement, each with the date by which it must be met' },
    });
  });

  it('a CPW states the conduct, that it must stop within its compliance period, and that a CPN may follow', () => {
    const text = textOf(filled(fillDocument(source(CPW), { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: 'step-1' })));
    expect(text).toContain('Amplified music from the flat most nights after midnight.');
    expect(text).toContain('by 16 November 2026: 14 days from the day this warning was issued');
    expect(text).toContain('a Community Protection Notice may be issued to you under section 43');
  });

  it('refuses a CPW whose conduct is not recorded, naming the field', () => {
    const { notes: _notes, ...withoutConduct } = CPW;
    expect(fillDocument(source(withoutConduct), { kind: 'COMMUNITY_PROTECTION_WARNING', stepId: 'step-1' })).toMatchObject({ incomplete: { missing: 'notes' } });
  });

  it('refuses a notice for a step that is not of its kind, or names no subject', () => {
    expect(fillDocument(source(CPW), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-1' })).toMatchObject({ incomplete: { missing: 'stepId' } });
    const { subjectId: _subject, ...toNobody } = CPN;
    expect(fillDocument(source(toNobody), { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' })).toMatchObject({ incomplete: { missing: 'subjectId' } });
  });

  it('an FPN states the breach and its date, the amount, who to pay and where, and the 14 days without prosecution with their last day', () => {
    const text = textOf(filled(fillDocument(source(BREACHED_CPN_STEP, FPN), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })));
    expect(text).toContain('the Community Protection Notice issued to you on 1 December 2026');
    expect(text).toContain('The circumstances of the failure, on 5 December 2026: Amplified music from the flat until 1am, heard by the patrol.');
    expect(text).toContain('a fixed penalty of £100');
    expect(text).toContain('Pay it to Melton Borough Council, Community Safety Team, at Parkside, Station Approach, Burton Street, Melton Mowbray LE13 1GH, by the end of 21 December 2026.');
    expect(text).toContain('before the end of the 14 days following the date of this notice');
  });

  it('refuses an FPN whose breach is not recorded, or whose amount is not, naming the field', () => {
    expect(fillDocument(source(CPN, FPN), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })).toMatchObject({ incomplete: { missing: 'breaches' } });
    const { amountPounds: _amount, ...noAmount } = FPN;
    expect(fillDocument(source(BREACHED_CPN_STEP, noAmount), { kind: 'FIXED_PENALTY_NOTICE', stepId: 'step-3' })).toMatchObject({ incomplete: { missing: 'amountPounds' } });
  });

  it('every template fills every placeholder it has (a new version with a typo fails here)', () => {
    const stepOf = { COMMUNITY_PROTECTION_WARNING: [CPW], COMMUNITY_PROTECTION_NOTICE: [CPN], FIXED_PENALTY_NOTICE: [BREACHED_CPN_STEP, FPN] } as const;
    for (const template of DOCUMENT_TEMPLATES) {
      const steps = stepOf[template.kind].map((step) => ({ ...step, takenAt: `${template.effectiveFrom}T10:00:00Z` }));
      const document = filled(fillDocument(source(...steps), { kind: template.kind, stepId: steps.at(-1)!.id }));
      expect(textOf(document)).not.toMatch(/[{}]/);
    }
  });
});
