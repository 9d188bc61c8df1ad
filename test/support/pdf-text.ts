/** What a reader of a PDF gets from it: its text (each page's items joined in reading order), title and language. */
export interface PdfReading {
  readonly text: string;
  readonly title: string | undefined;
  readonly language: string | undefined;
  readonly pages: number;
  /** The structure elements of each page (tagged PDF), depth first: `Document`, `H1`, `P`, `L`, `LI`…; empty for an untagged PDF. */
  readonly structure: readonly string[][];
}

interface StructNode {
  readonly role?: string;
  readonly children?: readonly StructNode[];
}

function rolesOf(node: StructNode | null): string[] {
  if (!node) return [];
  return [...(node.role && node.role !== 'Root' ? [node.role] : []), ...(node.children ?? []).flatMap(rolesOf)];
}

/** Reads a PDF with pdfjs-dist, Firefox's PDF engine, as a viewer or a screen reader would. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  // ESM only; the tests are compiled to CommonJS, so it is loaded with import().
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const pdf = await loading.promise;
  try {
    const pages: string[] = [];
    const structure: string[][] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      structure.push(rolesOf((await page.getStructTree()) as StructNode | null));
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    return { text: pages.join('\n'), title: info.Title, language: info.Language, pages: pdf.numPages, structure };
  } finally {
    await loading.destroy();
  }
}
