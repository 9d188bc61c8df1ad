import { fileTypeFromBuffer } from 'file-type';
import { judgeEvidenceType, PLAIN_TEXT } from '../../apps/api/src/evidence/evidence-types';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('evidence is judged by the type its bytes show, and the type it was declared must agree', () => {
  it('keeps an allowed type declared as itself, by an alias, or with no claim (application/octet-stream)', () => {
    expect(judgeEvidenceType('application/pdf', 'application/pdf')).toEqual({ accepted: true, contentType: 'application/pdf', text: false });
    expect(judgeEvidenceType('image/jpeg', 'image/jpg')).toEqual({ accepted: true, contentType: 'image/jpeg', text: false });
    expect(judgeEvidenceType('audio/x-m4a', 'audio/mp4')).toEqual({ accepted: true, contentType: 'audio/x-m4a', text: false });
    expect(judgeEvidenceType(DOCX, 'application/octet-stream')).toEqual({ accepted: true, contentType: DOCX, text: false });
    expect(judgeEvidenceType('image/png', 'Image/PNG; name=x')).toEqual({ accepted: true, contentType: 'image/png', text: false });
  });

  it('takes a Word or Excel 97-2003 compound file as the one its declaration names', () => {
    expect(judgeEvidenceType('application/x-cfb', 'application/msword')).toEqual({ accepted: true, contentType: 'application/msword', text: false });
    expect(judgeEvidenceType('application/x-cfb', 'application/vnd.ms-excel')).toEqual({ accepted: true, contentType: 'application/vnd.ms-excel', text: false });
    expect(judgeEvidenceType('application/x-cfb', 'application/pdf')).toMatchObject({ accepted: false });
  });

  it('refuses a type not kept (an executable, a zip), whatever it is declared', () => {
    expect(judgeEvidenceType('application/x-elf', 'application/pdf')).toEqual({ accepted: false, reason: expect.stringContaining('application/x-elf, which is not kept as evidence') });
    expect(judgeEvidenceType('application/x-msdownload', 'application/octet-stream')).toMatchObject({ accepted: false });
    expect(judgeEvidenceType('application/zip', 'application/zip')).toMatchObject({ accepted: false });
  });

  it('refuses an allowed type declared as another: a PDF sent as a PNG', () => {
    expect(judgeEvidenceType('application/pdf', 'image/png')).toEqual({ accepted: false, reason: 'the file was declared image/png but its content is a PDF (application/pdf)' });
  });

  it('takes bytes with no signature as text only when declared text or nothing, its bytes then checked as they stream', () => {
    expect(judgeEvidenceType(undefined, 'text/plain')).toEqual({ accepted: true, contentType: PLAIN_TEXT, text: true });
    expect(judgeEvidenceType(undefined, 'application/octet-stream')).toEqual({ accepted: true, contentType: PLAIN_TEXT, text: true });
    expect(judgeEvidenceType(undefined, 'application/pdf')).toEqual({ accepted: false, reason: 'the file was declared application/pdf but its content is not of that type' });
  });

  it('reads the types from real heads with file-type, as the upload does', async () => {
    expect((await fileTypeFromBuffer(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')))?.mime).toBe('application/pdf');
    expect((await fileTypeFromBuffer(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)])))?.mime).toBe('application/x-elf');
    expect((await fileTypeFromBuffer(Buffer.from('Monday: music until 2am.')))?.mime).toBeUndefined();
  });
});
