import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { newFileRefusal } from '../../../../libs/domain/src';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import {
  type CaseEvidence,
  claimOrAwaitFirstAnswer,
  FIRST_ANSWER_WAIT_MS,
  findCaseEvidence,
  listCaseEvidence,
  recordCaseEvidence,
  recordEvidenceWithdrawal,
  recordIdempotentResponse,
  releaseIdempotencyKey,
} from '../../../../libs/persistence/src';
import { OBJECT_STORE, ObjectNotFound, type ObjectStore } from '../../../../libs/storage/src';
import { mayReadCase, mayRunCommand, seesSummaryOnly } from '../auth/access-policy';
import { CaseReadModel } from '../cases/case-read-model';
import type { CaseView } from '../cases/case.schemas';
import { problems } from '../http/problem';
import { validationPipe } from '../http/validation';
import { type CaseEvidenceView, caseEvidenceView, EvidenceFields, type WithdrawEvidenceRequest } from './case-evidence.schemas';
import { evidenceProblems } from './evidence-problems';
import { EvidenceEmpty, EvidenceFormInvalid, EvidenceTooLarge, EvidenceTypeRefused, receiveEvidence } from './evidence-upload';

/** An upload answered: the evidence, and whether it is the first answer to a retried request. */
export interface EvidenceUploaded {
  readonly evidence: CaseEvidenceView;
  readonly replayed: boolean;
}

export interface UploadOptions {
  readonly idempotencyKey?: string | undefined;
  /** The form's own fields as the API's (the console's date input is three boxes); the API's are taken as they are. */
  readonly fieldsOf?: (raw: Record<string, string>) => Record<string, string>;
}

/**
 * Keeps a case's evidence: the record in PostgreSQL, the bytes in the object store. The API's routes
 * and the console's pages both act through it, so each rule (who may, which types, how large, the
 * hash checked) is written once.
 */
@Injectable()
export class EvidenceLocker {
  constructor(
    private readonly em: EntityManager,
    private readonly readModel: CaseReadModel,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The case, if the caller may see its evidence: evidence names and shows people, so a summary-only share sees none (404, as if there were none). */
  async mustSeeEvidence(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.readModel.mustFind(reference);
    if (!mayReadCase(caller, view) || seesSummaryOnly(caller, view)) throw problems.notFound(`case ${reference}`);
    return view;
  }

  /** The case, if the caller is of its team (caseworkers and managers): they alone add and withdraw evidence. */
  async mustKeepEvidence(reference: string, caller: Caller): Promise<CaseView> {
    const view = await this.mustSeeEvidence(reference, caller);
    if (!mayRunCommand(caller, ['caseworker', 'manager'], view)) throw problems.forbidden(`only the ${view.team} team's caseworkers and managers add or withdraw its evidence`);
    return view;
  }

  /**
   * Receives a multipart upload and keeps it. With an idempotency key, a retry of the same fields and
   * bytes answers with the evidence the first made (its own copy is deleted), and the key with other
   * fields or bytes is refused.
   */
  async upload(reference: string, caller: Caller, request: IncomingMessage, options: UploadOptions = {}): Promise<EvidenceUploaded> {
    const { idempotencyKey, fieldsOf = (raw) => raw } = options;
    const view = await this.mustKeepEvidence(reference, caller);
    const refusal = newFileRefusal(view.stage);
    if (refusal) {
      request.resume();
      throw problems.refused(refusal.message, refusal.condition);
    }
    if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
      request.resume();
      throw evidenceProblems.notMultipart();
    }
    const evidenceId = randomUUID();
    const objectKey = `cases/${reference}/evidence/${evidenceId}`;
    let received;
    try {
      received = await receiveEvidence(request, { store: this.store, maxBytes: this.config.evidenceMaxBytes, key: objectKey }, async (raw, complete) => {
        const fields = fieldsOf(raw);
        // Some fields not yet sent may follow the file: judged once they have come.
        if (!complete && !FIELD_NAMES.every((name) => name in fields)) return undefined;
        return this.acceptFields(view, fields);
      });
    } catch (error) {
      throw this.asProblem(error);
    }
    const { fields, file } = received;
    let keyIsOurs = false;
    try {
      const claimKey = idempotencyKey ? `evidence:${reference}:${idempotencyKey}` : undefined;
      if (idempotencyKey && claimKey) {
        const key = await claimOrAwaitFirstAnswer(this.em.fork(), claimKey, { fields, fileName: file.fileName, sha256: file.stored.sha256 }, reference);
        if (key.turn === 'conflict') throw problems.idempotencyKeyReused(idempotencyKey);
        if (key.turn === 'still-pending') throw problems.notFinishedInTime(FIRST_ANSWER_WAIT_MS / 1000);
        if (key.turn === 'answered') {
          await this.store.delete(objectKey);
          return { evidence: key.response.body as CaseEvidenceView, replayed: true };
        }
        keyIsOurs = true;
      }
      const evidence = caseEvidenceView(
        await recordCaseEvidence(this.em.fork(), {
          evidenceId,
          reference,
          ...fields,
          fileName: file.fileName,
          contentType: file.contentType,
          objectKey,
          sha256: file.stored.sha256,
          sizeBytes: file.stored.size,
          uploadedBy: caller.id,
        }),
      );
      if (claimKey) await recordIdempotentResponse(this.em.fork(), claimKey, { status: 201, body: evidence });
      return { evidence, replayed: false };
    } catch (error) {
      // Unrecorded bytes are nobody's: remove them rather than leave an object no row points to; and a
      // retry under the key acts afresh.
      await this.store.delete(objectKey).catch(() => {});
      if (keyIsOurs) await releaseIdempotencyKey(this.em.fork(), `evidence:${reference}:${idempotencyKey}`).catch(() => {});
      throw error;
    }
  }

  async list(reference: string, caller: Caller): Promise<CaseEvidenceView[]> {
    await this.mustSeeEvidence(reference, caller);
    return (await listCaseEvidence(this.em.fork(), reference)).map(caseEvidenceView);
  }

  /**
   * The evidence and its bytes, only if they are still those recorded. A first pass hashes the stored
   * object as it streams past, so a mismatch is answered before a byte is sent; the stream returned
   * hashes again and fails at its end should the object change between the two reads.
   */
  async open(reference: string, evidenceId: string, caller: Caller): Promise<{ evidence: CaseEvidence; bytes: Readable }> {
    await this.mustSeeEvidence(reference, caller);
    const evidence = await this.mustFind(reference, evidenceId);
    if (evidence.removedAt) throw problems.fileRemoved(`evidence ${evidenceId}`, evidence.removedAt);
    try {
      const first = createHash('sha256');
      for await (const chunk of await this.store.get(evidence.objectKey)) first.update(chunk as Buffer);
      if (first.digest('hex') !== evidence.sha256) throw evidenceProblems.altered(evidenceId);
      return { evidence, bytes: (await this.store.get(evidence.objectKey)).pipe(new HashMustMatch(evidence.sha256)) };
    } catch (error) {
      if (error instanceof ObjectNotFound) throw evidenceProblems.altered(evidenceId);
      throw error;
    }
  }

  async withdraw(reference: string, evidenceId: string, caller: Caller, request: WithdrawEvidenceRequest): Promise<{ before: CaseEvidenceView; after: CaseEvidenceView }> {
    await this.mustKeepEvidence(reference, caller);
    const before = await this.mustFind(reference, evidenceId);
    if (before.withdrawal) throw evidenceProblems.alreadyWithdrawn(evidenceId, before.withdrawal.at.slice(0, 10));
    if (!(await recordEvidenceWithdrawal(this.em.fork(), reference, evidenceId, caller.id, request.reason))) {
      const winner = await this.mustFind(reference, evidenceId);
      throw evidenceProblems.alreadyWithdrawn(evidenceId, winner.withdrawal?.at.slice(0, 10) ?? 'another request');
    }
    return { before: caseEvidenceView(before), after: caseEvidenceView(await this.mustFind(reference, evidenceId)) };
  }

  private async mustFind(reference: string, evidenceId: string): Promise<CaseEvidence> {
    const evidence = UUID.test(evidenceId) ? await findCaseEvidence(this.em.fork(), reference, evidenceId) : undefined;
    if (!evidence) throw problems.notFound(`evidence ${evidenceId} of case ${reference}`);
    return evidence;
  }

  /** The fields by the API's one validation (400 for the form, 422 for what cannot be true), then the incident they name, which must be on this case. */
  private async acceptFields(view: CaseView, raw: Record<string, string>): Promise<EvidenceFields> {
    const fields = (await validationPipe.transform(raw, { type: 'body', schema: EvidenceFields })) as EvidenceFields;
    if (!view.incidents.some((incident) => incident.id === fields.incidentId)) {
      throw problems.unprocessable([{ field: 'incidentId', message: `case ${view.reference} has no incident ${fields.incidentId}` }]);
    }
    return fields;
  }

  private asProblem(error: unknown): unknown {
    if (error instanceof EvidenceTooLarge) return evidenceProblems.tooLarge(error.maxBytes);
    if (error instanceof EvidenceTypeRefused) return evidenceProblems.typeRefused(error.message);
    if (error instanceof EvidenceFormInvalid) return problems.validation([{ field: error.field, message: error.message }]);
    if (error instanceof EvidenceEmpty) return problems.unprocessable([{ field: 'file', message: 'is empty: there is nothing to keep' }]);
    return error;
  }
}

/**
 * Passes the bytes on, holding the latest chunk back until the next arrives; the last is let go only
 * if the whole hashes to the recorded SHA-256, so a reader of altered bytes never gets all of them.
 */
class HashMustMatch extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | undefined;
  constructor(private readonly sha256: string) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous);
  }
  override _flush(callback: TransformCallback): void {
    if (this.hash.digest('hex') !== this.sha256) return callback(new Error(`stored evidence changed while it was sent: SHA-256 ${this.sha256} expected`));
    callback(null, this.held);
  }
}

const FIELD_NAMES = Object.keys(EvidenceFields.shape);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

