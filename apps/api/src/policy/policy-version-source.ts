import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type LocalDate, POLICY_VERSIONS, type PolicyVersion, policyInForceOn } from '../../../../libs/domain/src';
import { listStoredPolicyVersions } from '../../../../libs/persistence/src';

/**
 * The one place the service reads the policy versions a case may run under: those shipped in code and
 * those admins published since (drafts never). Opening a case, moving one, and making its documents
 * go through it, so a version published without a release is taken from its effective date.
 */
@Injectable()
export class PolicyVersionSource {
  constructor(private readonly em: EntityManager) {}

  async all(): Promise<readonly PolicyVersion[]> {
    const published = await listStoredPolicyVersions(this.em.fork(), { withDrafts: false });
    return [...POLICY_VERSIONS, ...published.map((stored) => stored.version)];
  }

  async inForceOn(date: LocalDate): Promise<PolicyVersion> {
    return policyInForceOn(date, await this.all());
  }
}
