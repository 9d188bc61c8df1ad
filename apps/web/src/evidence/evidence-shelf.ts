import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import { mayReadCase, mayRunCommand, seesSummaryOnly } from '../../../api/src/auth/access-policy';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import type { CaseEvidenceView } from '../../../api/src/evidence/case-evidence.schemas';
import { EvidenceLocker } from '../../../api/src/evidence/evidence-locker';

/** The case page's evidence section: absent for those who may not see evidence (a summary-only share), as the API's 404. */
export interface EvidenceShelf {
  readonly items: readonly (CaseEvidenceView & { readonly incident: string | undefined })[];
  readonly mayKeep: boolean;
}

@Injectable()
export class EvidenceShelves {
  constructor(private readonly locker: EvidenceLocker) {}

  async of(caller: Caller, view: CaseView): Promise<EvidenceShelf | undefined> {
    if (!mayReadCase(caller, view) || seesSummaryOnly(caller, view)) return undefined;
    const items = await this.locker.list(view.reference, caller);
    const incidents = new Map(view.incidents.map((incident) => [incident.id, incident.occurredAt]));
    return { items: items.map((item) => ({ ...item, incident: incidents.get(item.incidentId) })), mayKeep: mayRunCommand(caller, ['caseworker', 'manager'], view) };
  }
}
