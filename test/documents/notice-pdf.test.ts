import { fillDocument, type FilledDocument, localDate, STATUTORY_RULES_2014_ACT } from '../../libs/domain/src';
import { renderPdf } from '../../libs/documents/src';
import { DARREN } from '../unit/case-builder';
import { readPdf } from '../support/pdf-text';

const REQUIREMENTS = ['Play no amplified music after 11pm.', 'Remove the speakers from the balcony.'];

function cpn(): FilledDocument {
  const result = fillDocument(
    {
      reference: 'ASB-2026-000123',
      statutory: STATUTORY_RULES_2014_ACT,
      parts: {
        subjects: [DARREN],
        enforcement: [
          {
            id: 'step-2',
            kind: 'COMMUNITY_PROTECTION_NOTICE',
            level: 4,
            subjectId: DARREN.id,
            takenAt: '2026-12-01T10:00:00Z',
            takenBy: 'amira.khan',
            breaches: [],
            requirements: REQUIREMENTS.map((text, index) => ({ text, dueOn: localDate(`2026-12-${String(index + 1).padStart(2, '0')}`) })),
          },
        ],
      },
    },
    { kind: 'COMMUNITY_PROTECTION_NOTICE', stepId: 'step-2' },
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
    for (const requirement of REQUIREMENTS) expect(text).toContain(requirement);
    expect(text).toContain('By 1 December 2026.');
    expect(text).toContain('You may appeal against this notice to a magistrates’ court within 21 days');
    expect(text).toContain('the last day to appeal is 21 December 2026');
    expect(text).toContain('criminal offence');
  });

  it('carries its title and language, so a viewer shows the title and a screen reader reads it as British English', async () => {
    const reading = await readPdf(await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' }));
    expect(reading).toMatchObject({ title: 'Community Protection Notice (ASB-2026-000123)', language: 'en-GB', pages: 1 });
  });

  it('starts as a PDF, so a download is one by its content and not only its name', async () => {
    const pdf = await renderPdf(cpn(), { reference: 'ASB-2026-000123', issuedBy: 'Amira Khan' });
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });
});
