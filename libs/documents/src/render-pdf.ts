import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { FilledDocument } from '../../domain/src';
import pdfmake = require('pdfmake');

// Roboto as pdfmake ships it: embedded in every PDF, so the text reads and extracts the same anywhere.
const FONTS = join(dirname(require.resolve('pdfmake/package.json')), 'fonts/Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(FONTS, 'Roboto-Regular.ttf'),
    bold: join(FONTS, 'Roboto-Medium.ttf'),
    italics: join(FONTS, 'Roboto-Italic.ttf'),
    bolditalics: join(FONTS, 'Roboto-MediumItalic.ttf'),
  },
});
// A notice is made from the case file alone: no image or font is ever fetched, and no file but the fonts is read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONTS));

export const PDF_PRODUCER = 'ASB case service (pdfmake)';

/**
 * Lays a filled notice out as a PDF: A4, its title as the document title (shown by viewers instead
 * of the file name) and its language (en-GB) set, so a screen reader announces and reads it right.
 * pdfmake writes no structure tags (it passes `tagged` to pdfkit, which would then declare a tagged
 * PDF with an empty structure tree), so the PDF is not marked tagged: claiming it would mislead
 * assistive technology.
 */
export async function renderPdf(document: FilledDocument, context: { reference: string; issuedBy: string }): Promise<Buffer> {
  const content: Content[] = [
    { text: document.title, style: 'title' },
    { text: document.authority, style: 'authority' },
    ...document.sections.flatMap((section): Content[] => [
      { text: section.heading, style: 'heading' },
      ...section.blocks.map((block): Content => ('list' in block ? { ol: [...block.list], style: 'paragraph' } : { text: block.paragraph, style: 'paragraph' })),
    ]),
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: document.language,
    displayTitle: true,
    version: '1.7',
    info: { title: `${document.title} (${context.reference})`, subject: document.authority, author: context.issuedBy, creator: PDF_PRODUCER, producer: PDF_PRODUCER },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3 },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      authority: { fontSize: 11, margin: [0, 0, 0, 16] },
      heading: { fontSize: 15, bold: true, margin: [0, 12, 0, 4] },
      paragraph: { margin: [0, 0, 0, 6] },
    },
    footer: (page, pages) => ({ text: `${context.reference}: page ${page} of ${pages}`, fontSize: 9, margin: [56, 16, 56, 0] }),
    content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
