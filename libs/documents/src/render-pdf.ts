import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { FilledDocument } from '../../domain/src';

// The full Roboto (Latin with its extensions, Greek, Cyrillic) as the pdfmake package ships it, embedded
// in every PDF: a name in any of those scripts prints, and the text reads and extracts the same anywhere.
const FONTS = join(dirname(require.resolve('pdfmake/package.json')), 'fonts/Roboto');
const REGULAR = join(FONTS, 'Roboto-Regular.ttf');
const BOLD = join(FONTS, 'Roboto-Medium.ttf');

export const PDF_PRODUCER = 'ASB case service (pdfkit)';
const MARGIN = 56;

/**
 * Lays a filled notice out as a tagged PDF (pdfkit): A4; a structure tree a screen reader follows
 * (Document, H1 for the title, H2 for each section, P for each paragraph, L/LI/Lbl/LBody for a list);
 * the page footers marked as pagination artifacts, outside that tree; the notice's title as the
 * document title, shown by viewers instead of the file name; its language (en-GB).
 */
export function renderPdf(document: FilledDocument, context: { reference: string; issuedBy: string }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: document.language,
    displayTitle: true,
    bufferPages: true,
    info: { Title: `${document.title} (${context.reference})`, Subject: document.authority, Author: context.issuedBy, Creator: PDF_PRODUCER, Producer: PDF_PRODUCER },
  });
  pdf.registerFont('Regular', REGULAR).registerFont('Bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  pdf.font('Bold').fontSize(22).text(document.title, { structParent: root, structType: 'H1' });
  pdf.font('Regular').fontSize(11).text(document.authority, { structParent: root, structType: 'P' }).moveDown(1);
  for (const section of document.sections) {
    pdf.font('Bold').fontSize(15).text(section.heading, { structParent: root, structType: 'H2' }).moveDown(0.3);
    pdf.font('Regular').fontSize(12);
    for (const block of section.blocks) {
      if ('list' in block) {
        const list = pdf.struct('L');
        root.add(list);
        pdf.list([...block.list], { structParent: list, structTypes: ['LI', 'Lbl', 'LBody'], listType: 'numbered', lineGap: 2 });
        list.end();
      } else {
        pdf.text(block.paragraph, { structParent: root, structType: 'P', lineGap: 2 });
      }
      pdf.moveDown(0.5);
    }
  }
  root.end();
  footers(pdf, context.reference);
  pdf.end();
  return finished;
}

/** "ASB-2026-000123: page 1 of 2" on every page, as pagination: not part of the notice's reading order. */
function footers(pdf: PDFKit.PDFDocument, reference: string): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    pdf.markContent('Artifact', { type: 'Pagination' });
    // Written below the bottom margin, which pdfkit would take as a reason to start a new page.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Regular').fontSize(9).text(`${reference}: page ${index - start + 1} of ${count}`, MARGIN, pdf.page.height - MARGIN / 2 - 9, { lineBreak: false });
    pdf.page.margins.bottom = bottom;
    pdf.endMarkedContent();
  }
}
