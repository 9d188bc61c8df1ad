import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { compareDates, diffPolicyVersions, draftFrom, judgePolicyDraft, type LocalDate, POLICY_VERSIONS, type PolicyVersion, policyVersion } from '../../../../libs/domain/src';
import {
  claimOrAwaitFirstAnswer,
  FIRST_ANSWER_WAIT_MS,
  findStoredPolicyVersion,
  insertPolicyDraft,
  listStoredPolicyVersions,
  publishPolicyDraft,
  recordIdempotentResponse,
  releaseIdempotencyKey,
  replacePolicyDraft,
  type StoredPolicyVersion,
} from '../../../../libs/persistence/src';
import { problems } from '../http/problem';
import { PolicyVersionSource } from './policy-version-source';
import { type PolicyDraftReplacement, type PolicyDraftRequest, type PolicyVersionDiff, type PolicyVersionView, RELEASE } from './policy-version.schemas';

const isAdmin = (caller: Caller) => caller.roles.includes('admin');

/**
 * Policy administered, not released: admins draft a version (judged whole: every field, every range),
 * its author may replace it while it is a draft, another admin approves it (the four-eyes rule) and
 * that publishes it, for PolicyVersionSource to hand to new cases from its effective date.
 */
@Injectable()
export class PolicyAdministration {
  constructor(
    private readonly em: EntityManager,
    private readonly source: PolicyVersionSource,
  ) {}

  /** Staff (not partner agencies) read the published versions; admins the drafts too. */
  mustRead(caller: Caller): void {
    if (caller.roles.every((role) => role === 'partner')) throw problems.forbidden('the partnership’s policy versions are for its own staff');
  }

  async list(caller: Caller): Promise<PolicyVersionView[]> {
    this.mustRead(caller);
    const stored = await listStoredPolicyVersions(this.em.fork(), { withDrafts: isAdmin(caller) });
    const views = [...POLICY_VERSIONS.map(shippedView), ...stored.map(storedView)];
    return views.sort((a, b) => compareDates(a.effectiveFrom as LocalDate, b.effectiveFrom as LocalDate));
  }

  async read(caller: Caller, id: string): Promise<PolicyVersionView> {
    this.mustRead(caller);
    const shipped = POLICY_VERSIONS.find((version) => version.id === id);
    if (shipped) return shippedView(shipped);
    const stored = await findStoredPolicyVersion(this.em.fork(), id);
    // A draft is no one's business but the admins': to anyone else it does not exist.
    if (!stored || (stored.status === 'DRAFT' && !isAdmin(caller))) throw problems.notFound(`policy version ${id}`);
    return storedView(stored);
  }

  async draft(caller: Caller, request: PolicyDraftRequest, idempotencyKey: string | undefined): Promise<{ view: PolicyVersionView; replayed: boolean }> {
    this.mustAdminister(caller);
    return this.once(idempotencyKey, `policy-draft:${caller.id}`, request, request.id, 201, async () => {
      const version = await this.judged(request);
      if (POLICY_VERSIONS.some((shipped) => shipped.id === version.id) || !(await insertPolicyDraft(this.em.fork(), { version, ...administration(request), draftedBy: caller.id }))) {
        throw problems.unprocessable([{ field: 'id', message: `a policy version ${version.id} already exists: choose another id` }]);
      }
      return storedView((await findStoredPolicyVersion(this.em.fork(), version.id))!);
    });
  }

  async replace(caller: Caller, id: string, request: PolicyDraftReplacement): Promise<PolicyVersionView> {
    this.mustAdminister(caller);
    const existing = await this.mustFindStored(id);
    if (existing.status === 'PUBLISHED') throw problems.refused(`policy version ${id} is published and never changes: draft a new one based on it`, 'POLICY_VERSION_PUBLISHED');
    if (existing.draftedBy !== caller.id) throw problems.forbidden(`only ${existing.draftedBy}, who drafted ${id}, replaces it; you may approve it or draft your own`);
    const version = await this.judged({ ...request, id });
    if (!(await replacePolicyDraft(this.em.fork(), { version, ...administration(request), draftedBy: caller.id }))) {
      throw problems.refused(`policy version ${id} was published meanwhile and never changes`, 'POLICY_VERSION_PUBLISHED');
    }
    return storedView((await findStoredPolicyVersion(this.em.fork(), id))!);
  }

  /** Publishes a draft by a second admin's approval. Approving what is already published acts no more: it answers with the version (`repeated`). */
  async approve(caller: Caller, id: string, idempotencyKey: string | undefined): Promise<{ view: PolicyVersionView; replayed: boolean; repeated: boolean }> {
    this.mustAdminister(caller);
    let repeated = false;
    const result = await this.once(idempotencyKey, `policy-approval:${id}`, { approve: id }, id, 201, async () => {
      const existing = await this.mustFindStored(id);
      if (existing.status === 'PUBLISHED') {
        repeated = true;
        return storedView(existing);
      }
      if (existing.draftedBy === caller.id) throw problems.fourEyes(`you drafted policy version ${id}: another admin approves it (the four-eyes rule)`);
      if (!(await publishPolicyDraft(this.em.fork(), id, caller.id))) repeated = true;
      return storedView((await findStoredPolicyVersion(this.em.fork(), id))!);
    });
    return { ...result, repeated };
  }

  async diff(caller: Caller, id: string, against: string | undefined): Promise<PolicyVersionDiff> {
    const to = await this.read(caller, id);
    const base = against ?? to.basedOn;
    if (!base) throw problems.unprocessable([{ field: 'against', message: `policy version ${id} is based on no other: name one to compare it with (against)` }]);
    const from = await this.read(caller, base).catch(() => {
      throw problems.unprocessable([{ field: 'against', message: `no policy version ${base} that you may see` }]);
    });
    return { from: from.id, to: to.id, changes: diffPolicyVersions(from as unknown as PolicyVersion, to as unknown as PolicyVersion) };
  }

  private mustAdminister(caller: Caller): void {
    if (!isAdmin(caller)) throw problems.forbidden('admins draft, replace and approve policy versions');
  }

  private async mustFindStored(id: string): Promise<StoredPolicyVersion> {
    if (POLICY_VERSIONS.some((shipped) => shipped.id === id)) throw problems.refused(`policy version ${id} shipped with the service and never changes`, 'POLICY_VERSION_PUBLISHED');
    const stored = await findStoredPolicyVersion(this.em.fork(), id);
    if (!stored) throw problems.notFound(`policy version ${id}`);
    return stored;
  }

  /** The whole version the request describes, or 422 naming every field that is missing, of the wrong kind or out of its range. */
  private async judged(request: PolicyDraftRequest): Promise<PolicyVersion> {
    const base = request.basedOn ? await this.publishedBase(request.basedOn) : undefined;
    const { draft, problems: commencing } = draftFrom(request, base);
    const found = [...commencing, ...judgePolicyDraft(draft)];
    if (request.appliesToOpenCasesFrom && compareDates(request.appliesToOpenCasesFrom as LocalDate, request.effectiveFrom as LocalDate) < 0) {
      found.push({ field: 'appliesToOpenCasesFrom', message: `a version reaches open cases no earlier than it takes effect (${request.effectiveFrom})` });
    }
    if (found.length > 0) throw problems.unprocessable(found);
    return draft as PolicyVersion;
  }

  private async publishedBase(id: string): Promise<PolicyVersion> {
    try {
      return policyVersion(id, await this.source.all());
    } catch {
      throw problems.unprocessable([{ field: 'basedOn', message: `no policy version ${id} is published` }]);
    }
  }

  /** Acts once per Idempotency-Key: a retry answers with the first answer, and a failure frees the key for a retry to act afresh. */
  private async once<T>(idempotencyKey: string | undefined, scope: string, request: unknown, subject: string, status: number, act: () => Promise<T>): Promise<{ view: T; replayed: boolean }> {
    const key = idempotencyKey && `${scope}:${idempotencyKey}`;
    if (key) {
      const turn = await claimOrAwaitFirstAnswer(this.em.fork(), key, request, subject);
      if (turn.turn === 'conflict') throw problems.idempotencyKeyReused(idempotencyKey);
      if (turn.turn === 'still-pending') throw problems.notFinishedInTime(FIRST_ANSWER_WAIT_MS / 1000);
      if (turn.turn === 'answered') return { view: turn.response.body as T, replayed: true };
    }
    try {
      const view = await act();
      if (key) await recordIdempotentResponse(this.em.fork(), key, { status, body: view });
      return { view, replayed: false };
    } catch (error) {
      if (key) await releaseIdempotencyKey(this.em.fork(), key);
      throw error;
    }
  }
}

const administration = (request: PolicyDraftReplacement) => ({
  ...(request.basedOn ? { basedOn: request.basedOn } : {}),
  ...(request.appliesToOpenCasesFrom ? { appliesToOpenCasesFrom: request.appliesToOpenCasesFrom } : {}),
});

const shippedView = (version: PolicyVersion): PolicyVersionView => ({
  ...version,
  local: { ...version.local },
  statutory: { ...version.statutory },
  status: 'PUBLISHED',
  draftedBy: RELEASE,
  approvedBy: RELEASE,
});

function storedView(stored: StoredPolicyVersion): PolicyVersionView {
  const { approvedBy: _release, ...version } = shippedView(stored.version);
  return {
    ...version,
    status: stored.status,
    ...(stored.basedOn ? { basedOn: stored.basedOn } : {}),
    ...(stored.appliesToOpenCasesFrom ? { appliesToOpenCasesFrom: stored.appliesToOpenCasesFrom } : {}),
    draftedBy: stored.draftedBy,
    draftedAt: stored.draftedAt,
    ...(stored.approvedBy ? { approvedBy: stored.approvedBy } : {}),
    ...(stored.approvedAt ? { approvedAt: stored.approvedAt } : {}),
  };
}
