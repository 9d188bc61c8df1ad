import type { MikroORM } from '@mikro-orm/postgresql';
import { complaintsOnOtherCases, objectsStillStored, recordCaseSaveFailure, recordObjectRemoved, saveCaseFile } from '../libs/persistence/src';
import type { ObjectStore } from '../libs/storage/src';
import type { CaseFileActivities } from './contract';

export function caseFileActivities(orm: MikroORM, store: ObjectStore): CaseFileActivities {
  return {
    async saveCaseFile({ file, timeline }) {
      await saveCaseFile(orm.em.fork(), file, timeline);
      // An anonymised case keeps no file that names people: its documents' and evidence's bytes are deleted
      // (a repeated delete is harmless, so a retry after a failure part way finishes the job), and each
      // row stays as the record that the file existed.
      if (file.stage === 'ANONYMISED') {
        for (const object of await objectsStillStored(orm.em.fork(), file.reference)) {
          await store.delete(object.objectKey);
          await recordObjectRemoved(orm.em.fork(), object);
        }
      }
    },
    complaintsOnOtherCases: (about) => complaintsOnOtherCases(orm.em.fork(), about),
    recordCaseNotSaved: (failure) => recordCaseSaveFailure(orm.em.fork(), failure),
  };
}
