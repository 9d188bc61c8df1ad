/**
 * Which evidence files are kept, judged by their content rather than their name: the type the bytes
 * show (`file-type`'s reading of the file's first bytes) must be one allowed, and the type the upload
 * declared for the part must agree with it. Plain text has no magic number: it is recognised by the
 * absence of any other type, and then must be valid UTF-8 without NUL throughout (checked as it streams).
 */

/** A type the bytes may show, with the declared types that agree with it (aliases browsers and tools send). */
interface AllowedType {
  readonly name: string;
  readonly declared: readonly string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';

const ALLOWED: Readonly<Record<string, AllowedType>> = {
  'application/pdf': { name: 'PDF', declared: ['application/pdf', 'application/x-pdf'] },
  'image/jpeg': { name: 'JPEG image', declared: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  'image/png': { name: 'PNG image', declared: ['image/png'] },
  'image/gif': { name: 'GIF image', declared: ['image/gif'] },
  'image/webp': { name: 'WebP image', declared: ['image/webp'] },
  'image/heic': { name: 'HEIC image', declared: ['image/heic', 'image/heif'] },
  'image/heif': { name: 'HEIF image', declared: ['image/heic', 'image/heif'] },
  'audio/mpeg': { name: 'MP3 recording', declared: ['audio/mpeg', 'audio/mp3'] },
  'audio/wav': { name: 'WAV recording', declared: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  'audio/x-m4a': { name: 'M4A recording', declared: ['audio/x-m4a', 'audio/m4a', 'audio/mp4', 'audio/aac'] },
  'audio/mp4': { name: 'M4A recording', declared: ['audio/x-m4a', 'audio/m4a', 'audio/mp4', 'audio/aac'] },
  'audio/aac': { name: 'AAC recording', declared: ['audio/aac', 'audio/x-aac', 'audio/aacp'] },
  'audio/ogg': { name: 'Ogg recording', declared: ['audio/ogg', 'application/ogg'] },
  'audio/ogg; codecs=opus': { name: 'Ogg recording', declared: ['audio/ogg', 'audio/opus', 'application/ogg'] },
  [`${OOXML}.wordprocessingml.document`]: { name: 'Word document', declared: [`${OOXML}.wordprocessingml.document`] },
  [`${OOXML}.spreadsheetml.sheet`]: { name: 'Excel spreadsheet', declared: [`${OOXML}.spreadsheetml.sheet`] },
  [`${OOXML}.presentationml.presentation`]: { name: 'PowerPoint presentation', declared: [`${OOXML}.presentationml.presentation`] },
  'application/vnd.oasis.opendocument.text': { name: 'OpenDocument text', declared: ['application/vnd.oasis.opendocument.text'] },
  'application/vnd.oasis.opendocument.spreadsheet': { name: 'OpenDocument spreadsheet', declared: ['application/vnd.oasis.opendocument.spreadsheet'] },
  // The compound file of Word and Excel 97-2003: the bytes alone do not say which, so the declared type does.
  'application/x-cfb': { name: 'Word or Excel 97-2003 document', declared: ['application/msword', 'application/vnd.ms-excel'] },
};

export const PLAIN_TEXT = 'text/plain; charset=utf-8';
const TEXT_DECLARED = ['text/plain', 'text/csv'];

/** What a client declares when it does not know a file's type: no claim to agree with. */
const NO_CLAIM = ['', 'application/octet-stream'];

/** Every media type evidence may be stored (and downloaded) as. */
export const EVIDENCE_MEDIA_TYPES = [
  ...new Set([...Object.keys(ALLOWED).filter((type) => type !== 'application/x-cfb'), ...ALLOWED['application/x-cfb']!.declared, 'text/plain'].map((type) => mediaTypeOf(type))),
];

export const EVIDENCE_TYPE_NAMES = [...new Set([...Object.values(ALLOWED).map((type) => type.name), 'plain text (UTF-8)'])];

export type EvidenceTypeJudgement =
  | { readonly accepted: true; readonly contentType: string; readonly text: boolean }
  | { readonly accepted: false; readonly reason: string };

/** The bare media type of a Content-Type (`Image/PNG; x=1` is `image/png`). */
export function mediaTypeOf(declared: string | undefined): string {
  return (declared ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Judges a file by the type its bytes show (`detected`, undefined when no magic number matched) and
 * the type its part declared. Text is accepted here only provisionally: its bytes are checked as they stream.
 */
export function judgeEvidenceType(detected: string | undefined, declaredType: string | undefined): EvidenceTypeJudgement {
  const declared = mediaTypeOf(declaredType);
  if (detected === undefined) {
    if (NO_CLAIM.includes(declared) || TEXT_DECLARED.includes(declared)) return { accepted: true, contentType: PLAIN_TEXT, text: true };
    return { accepted: false, reason: `the file was declared ${declared} but its content is not of that type` };
  }
  const allowed = ALLOWED[detected];
  if (!allowed) return { accepted: false, reason: `the file's content is ${detected}, which is not kept as evidence (allowed: ${EVIDENCE_TYPE_NAMES.join(', ')})` };
  if (NO_CLAIM.includes(declared)) return { accepted: true, contentType: detected, text: false };
  if (!allowed.declared.includes(declared)) return { accepted: false, reason: `the file was declared ${declared} but its content is a ${allowed.name} (${detected})` };
  // A compound file is what its declaration says it is, among the two it can be.
  return { accepted: true, contentType: detected === 'application/x-cfb' ? declared : detected, text: false };
}
