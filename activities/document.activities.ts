import type { MikroORM } from '@mikro-orm/postgresql';
import { SYSTEM_ACTOR } from '../libs/domain/src';
import { makeCaseDocument } from '../libs/documents/src';
import { findMadeOnRecord } from '../libs/persistence/src';
import type { ObjectStore } from '../libs/storage/src';
import type { DocumentActivities } from './contract';

/** The notices the service makes itself when their steps are recorded, through the same code as the API's (`makeCaseDocument`). */
export function documentActivities(orm: MikroORM, store: ObjectStore): DocumentActivities {
  return {
    async makeNoticeOnRecord({ reference, policy, kind, stepId }) {
      // A retry after the row was stored finds it, and renders nothing again.
      const earlier = await findMadeOnRecord(orm.em.fork(), { reference, stepId, kind });
      if (earlier) return { outcome: 'made', documentId: earlier.documentId, version: earlier.version };
      const made = await makeCaseDocument(orm.em.fork(), store, { reference, policy, request: { kind, stepId }, generatedBy: SYSTEM_ACTOR, madeOnRecord: true });
      if ('noCaseFile' in made) throw new Error(`case ${reference} has no stored case file to make its ${kind} from`);
      if ('incomplete' in made) return { outcome: 'incomplete', missing: made.incomplete.missing };
      return { outcome: 'made', documentId: made.document.documentId, version: made.document.version };
    },
  };
}
