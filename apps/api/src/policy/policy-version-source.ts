import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type LocalDate, type PolicyVersion, policyInForceOn } from '../../../../libs/domain/src';
import { publishedPolicyVersions } from '../../../../libs/persistence/src';

/**
 * The one place the service reads the policy versions a case may run under: those shipped in code and
 * those admins published since (drafts never). Opening a case, moving one, and making its documents
 * go through it, so a version published without a release is taken from its effective date.
 */
@Injectable()
export class PolicyVersionSource {
  constructor(private readonly em: EntityManager) {}

  all(): Promise<readonly PolicyVersion[]> {
    return publishedPolicyVersions(this.em.fork());
  }

  async inForceOn(date: LocalDate): Promise<PolicyVersion> {
    return policyInForceOn(date, await this.all());
  }
}
