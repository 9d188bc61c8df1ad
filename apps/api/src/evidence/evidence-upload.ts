import type { IncomingMessage } from 'node:http';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import busboy from 'busboy';
import { fileTypeFromBuffer } from 'file-type';
import type { ObjectStore, StoredObject } from '../../../../libs/storage/src';
import { judgeEvidenceType } from './evidence-types';

/** Bytes of a file's head read before judging its type: enough for every allowed type's signature, an office file's first zip entries included. */
const HEAD_BYTES = 64 * 1024;
/** What the fields and the part headers may add to the file in a request's Content-Length. */
export const FIELD_ALLOWANCE_BYTES = 64 * 1024;

export class EvidenceTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the ${maxBytes} bytes evidence may be`);
  }
}

export class EvidenceTypeRefused extends Error {}

/** A file part with a name and no bytes: nothing to keep. */
export class EvidenceEmpty extends Error {}

/** The request is not a multipart form of the documented shape: `field` names what is wrong. */
export class EvidenceFormInvalid extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ReceivedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly stored: StoredObject;
}

/**
 * Reads a `multipart/form-data` upload: its text fields and one `file` part, streamed to the store
 * under `key`. The file is never held whole: its head is read to judge its type, then it flows to the
 * store through a byte count that stops it past `maxBytes`. The fields are judged by `acceptFields`
 * when the file starts, so a form that sends them first (as browsers do) is refused before its file
 * is stored; a client may also send some after the file (multipart has no order OpenAPI can state):
 * `acceptFields` then answers undefined (`complete` false) and is asked again once all have come. On any failure what was stored is deleted and the rest
 * of the request is read and discarded, so the answer can be sent.
 */
export async function receiveEvidence<F>(
  request: IncomingMessage,
  options: { readonly store: ObjectStore; readonly maxBytes: number; readonly key: string },
  acceptFields: (fields: Record<string, string>, complete: boolean) => Promise<F | undefined>,
): Promise<{ readonly fields: F; readonly file: ReceivedFile }> {
  const length = Number(request.headers['content-length']);
  if (Number.isFinite(length) && length > options.maxBytes + FIELD_ALLOWANCE_BYTES) {
    request.resume();
    throw new EvidenceTooLarge(options.maxBytes);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: request.headers, limits: { files: 1, fields: 10, parts: 11, fieldSize: 8 * 1024 } });
  } catch (error) {
    request.resume();
    throw new EvidenceFormInvalid('(body)', `not a multipart/form-data request: ${(error as Error).message}`);
  }
  const fields: Record<string, string> = {};
  let fieldsAfterFile = false;
  let stored = false;
  let upload: Promise<{ accepted: F | undefined; file: ReceivedFile }> | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return reject(new EvidenceFormInvalid(name, 'is too long'));
      if (upload) fieldsAfterFile = true;
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        stream.resume();
        return reject(new EvidenceFormInvalid(name, upload ? 'only one file is sent at a time' : 'the file part is named "file"'));
      }
      upload = (async () => {
        const accepted = await acceptFields({ ...fields }, false);
        stored = true;
        return { accepted, file: await storeFile(stream, info.filename ?? '', info.mimeType, options) };
      })();
      // Settled by `parsed` or awaited below; never left unobserved.
      upload.catch((error: unknown) => {
        stream.resume();
        reject(error);
      });
    });
    parser.on('filesLimit', () => reject(new EvidenceFormInvalid('file', 'only one file is sent at a time')));
    parser.on('fieldsLimit', () => reject(new EvidenceFormInvalid('(body)', 'too many fields')));
    parser.on('partsLimit', () => reject(new EvidenceFormInvalid('(body)', 'too many parts')));
    parser.on('error', (error: Error) => reject(new EvidenceFormInvalid('(body)', `not a well-formed multipart/form-data body: ${error.message}`)));
    parser.on('close', () => resolve());
    request.on('error', reject);
  });
  request.pipe(parser);
  try {
    await parsed;
    if (!upload) throw new EvidenceFormInvalid('file', 'the request has no file part (named "file")');
    const { accepted, file } = await upload;
    const judged = accepted !== undefined && !fieldsAfterFile ? accepted : await acceptFields(fields, true);
    if (judged === undefined) throw new Error('acceptFields must judge a complete set of fields');
    return { fields: judged, file };
  } catch (error) {
    request.unpipe(parser);
    request.resume();
    if (stored) await options.store.delete(options.key).catch(() => {});
    throw error;
  }
}

async function storeFile(stream: Readable, fileName: string, declaredType: string, options: { store: ObjectStore; maxBytes: number; key: string }): Promise<ReceivedFile> {
  const { head, whole } = await readHead(stream, HEAD_BYTES);
  if (head.length === 0) throw fileName ? new EvidenceEmpty() : new EvidenceFormInvalid('file', 'no file was chosen');
  const judgement = judgeEvidenceType((await fileTypeFromBuffer(head))?.mime, declaredType);
  if (!judgement.accepted) throw new EvidenceTypeRefused(judgement.reason);
  let body: Readable = whole.pipe(new ByteLimit(options.maxBytes));
  whole.on('error', (error) => body.destroy(error));
  if (judgement.text) {
    const limited = body;
    body = limited.pipe(new PlainTextCheck());
    limited.on('error', (error) => body.destroy(error));
  }
  // Why the stream stopped is the answer: the store's own failure to clean up after it (s3rver refuses
  // to abort a multipart upload, 405) would otherwise hide the 413 or 415 behind a 500.
  let stopped: unknown;
  body.on('error', (error) => (stopped ??= error));
  try {
    return { fileName, contentType: judgement.contentType, stored: await options.store.put(options.key, body, judgement.contentType) };
  } catch (error) {
    throw stopped ?? error;
  }
}

/** The first `size` bytes (fewer if the file is shorter), and a stream of the whole file that starts with them. */
async function readHead(stream: Readable, size: number): Promise<{ head: Buffer; whole: Readable }> {
  const chunks = stream[Symbol.asyncIterator]();
  const read: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    read.push(next.value as Buffer);
    length += (next.value as Buffer).length;
  }
  const head = Buffer.concat(read);
  async function* whole(): AsyncGenerator<Buffer> {
    yield* read;
    if (ended) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer;
  }
  return { head: head.subarray(0, size), whole: Readable.from(whole(), { objectMode: false }) };
}

/** Passes bytes on until more than `maxBytes` have come, then fails the stream. */
class ByteLimit extends Transform {
  private count = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.maxBytes) return callback(new EvidenceTooLarge(this.maxBytes));
    callback(null, chunk);
  }
}

/** Text has no signature: every byte must be UTF-8, and none NUL, or it is not plain text. */
class PlainTextCheck extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (chunk.includes(0)) return callback(new EvidenceTypeRefused('the file is not a type kept as evidence: it holds a NUL byte, so it is not plain text'));
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      return callback(new EvidenceTypeRefused('the file is not a type kept as evidence: it is not valid UTF-8 text'));
    }
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(new EvidenceTypeRefused('the file is not a type kept as evidence: it ends part way through a UTF-8 character'));
    }
  }
}
