import { fillDocument, type FilledDocument, POLICY_VERSIONS, STATUTORY_RULES_2014_ACT } from '../../libs/domain/src';
import { renderPdf } from '../../libs/documents/src';
import { DARREN } from '../unit/case-builder';
import { CPN_REQUIREMENTS, CPN_STEP } from '../unit/notice-steps';
import { readPdf } from '../support/pdf-text';

function cpn(): FilledDocument {
  const result = fillDocument(
    { reference: 'ASB-2026-000123', statutory: STATUTORY_RULES_2014_ACT, local: POLICY_VERSIONS[0]!.local, parts: { subjects: [DARREN], complainants: [], legalReferrals: [], enforcement: [CPN_STEP] } },
    { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: CPN_STEP.id },
  );
  if (!('document' in result)) throw new Error(`refused: ${result.incomplete.missing}`);
  return result.document;
}

describe('a notice as a PDF', () => {
  it('reads, as pdf.js extracts it, with each requirement, the appeal right and the 21 days', async () => {
    const reading = await readPdf(await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' }));
    // Lines wrap where the page ends: compare the words, not the line breaks.
    const text = reading.text.replace(/\s+/g, ' ');

    expect(text).toContain('Community Protection Notice');
    expect(text).toContain('Darren Cole');
    for (const requirement of CPN_REQUIREMENTS) expect(text).toContain(requirement);
    expect(text).toContain('By 15 December 2026.');
    expect(text).toContain('You may appeal against this notice to a magistrates’ court within 21 days, beginning with the day you were given it');
    expect(text).toContain('the last day to appeal is 21 December 2026');
    expect(text).toContain('criminal offence');
  });

  it('carries its title and language, so a viewer shows the title and a screen reader reads it as British English', async () => {
    const reading = await readPdf(await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' }));
    expect(reading).toMatchObject({ title: 'Community Protection Notice (ASB-2026-000123)', language: 'en-GB', pages: 1 });
    expect(reading.text).toContain('ASB-2026-000123: page 1 of 1');
  });

  it('is tagged: a title, sections, paragraphs and a list of requirements a screen reader can follow, in reading order', async () => {
    const reading = await readPdf(await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' }));
    const roles = reading.structure[0]!;
    expect(roles.slice(0, 3)).toEqual(['Document', 'H1', 'P']);
    expect(roles.filter((role) => role === 'H2')).toHaveLength(5);
    // One list, of the two requirements, each a list item with its label and body.
    expect(roles.filter((role) => role === 'L')).toHaveLength(1);
    expect(roles.filter((role) => role === 'LI')).toHaveLength(2);
    expect(roles.filter((role) => role === 'LBody')).toHaveLength(2);
  });

  it('runs a notice with many requirements onto a second page, every requirement and the footer of each page in place', async () => {
    const many = Array.from({ length: 40 }, (_, index) => ({ text: `Requirement number ${index + 1}: keep the communal stairway clear of belongings.`, dueOn: CPN_STEP.requirements![0]!.dueOn }));
    const result = fillDocument(
      { reference: 'ASB-2026-000123', statutory: STATUTORY_RULES_2014_ACT, local: POLICY_VERSIONS[0]!.local, parts: { subjects: [DARREN], complainants: [], legalReferrals: [], enforcement: [{ ...CPN_STEP, requirements: many }] } },
      { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: CPN_STEP.id },
    );
    if (!('document' in result)) throw new Error('refused');
    const reading = await readPdf(await renderPdf(result.document, { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' }));

    expect(reading.pages).toBeGreaterThan(1);
    const text = reading.text.replace(/\s+/g, ' ');
    for (const requirement of many) expect(text).toContain(requirement.text);
    expect(text).toContain(`ASB-2026-000123: page ${reading.pages} of ${reading.pages}`);
    expect(text).toContain('within 21 days');
  });

  it('starts as a PDF, so a download is one by its content and not only its name', async () => {
    const pdf = await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });
});
