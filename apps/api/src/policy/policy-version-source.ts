import { Injectable } from '@nestjs/common';
import { type LocalDate, POLICY_VERSIONS, type PolicyVersion, policyInForceOn } from '../../../../libs/domain/src';

/**
 * Where the API reads the policy versions from: for now the versions published in code
 * (`POLICY_VERSIONS`), so a statutory number such as the PSPO fixed penalty maximum (s.68(6)) changes
 * with a release. The one provider to replace with administered, approved versions (issue 15, part 3).
 */
@Injectable()
export class PolicyVersionSource {
  async all(): Promise<readonly PolicyVersion[]> {
    return POLICY_VERSIONS;
  }

  /** The version in force on `date`: its statutory rules are the law of that day. */
  async inForceOn(date: LocalDate): Promise<PolicyVersion> {
    return policyInForceOn(date, await this.all());
  }
}
