import { Injectable } from '@nestjs/common';
import { type LocalDate, POLICY_VERSIONS, type PolicyVersion, policyInForceOn } from '../../../../libs/domain/src';

/** Where the service reads policy versions from. */
@Injectable()
export class PolicyVersionSource {
  async all(): Promise<readonly PolicyVersion[]> {
    return POLICY_VERSIONS;
  }

  async inForceOn(date: LocalDate): Promise<PolicyVersion> {
    return policyInForceOn(date, await this.all());
  }
}
