import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../../libs/auth/src';
import { type CaseCommandName, isCaseReference, linkFromOtherSideRefusal } from '../../../../../libs/domain/src';
import { findLinkedCases } from '../../../../../libs/persistence/src';
import { mayReadCase } from '../../auth/access-policy';
import { problems } from '../../http/problem';
import { CaseReadModel } from '../case-read-model';

/**
 * What a link command needs judged beyond its own case's file, before it is sent: the other case (it
 * must exist, and a caller links only to what they may read) and the links the other case holds to
 * this one. Any caller who may run commands on a case links it this way, as the duplicate check on
 * opening does.
 */
@Injectable()
export class CaseLinkChecks {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly em: EntityManager,
  ) {}

  /** Throws the problem that stops `command` on `reference` (404, 403 or 409); a command that names no other case passes. */
  async check(caller: Caller, reference: string, name: CaseCommandName, command: Record<string, unknown>): Promise<void> {
    if (name !== 'linkCase' && name !== 'unlinkCase') return;
    const linkedReference = String(command.linkedReference);
    if (name === 'linkCase') await this.mustSee(caller, linkedReference);
    // A path that cannot name a case names no link either.
    else if (!isCaseReference(linkedReference)) throw problems.notFound(`case ${linkedReference}`);
    const refusal = linkFromOtherSideRefusal(reference, { linkedReference }, name === 'linkCase' ? 'link' : 'unlink', await findLinkedCases(this.em.fork(), reference));
    if (refusal) throw problems.refused(refusal.message, refusal.condition);
  }

  private async mustSee(caller: Caller, linkedReference: string): Promise<void> {
    const other = await this.readModel.mustFindFor(caller, linkedReference);
    if (!mayReadCase(caller, other)) throw problems.forbidden(`a case is linked only to a case its linker may read, and ${linkedReference} is not one you may`);
  }
}
