import type { MikroORM } from '@mikro-orm/postgresql';
import { complaintsOnOtherCases, recordCaseSaveFailure, saveCaseFile } from '../libs/persistence/src';
import type { CaseFileActivities } from './contract';

export function caseFileActivities(orm: MikroORM): CaseFileActivities {
  return {
    async saveCaseFile({ file, timeline }) {
      await saveCaseFile(orm.em.fork(), file, timeline);
    },
    complaintsOnOtherCases: (about) => complaintsOnOtherCases(orm.em.fork(), about),
    recordCaseNotSaved: (failure) => recordCaseSaveFailure(orm.em.fork(), failure),
  };
}
