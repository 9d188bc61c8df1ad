import type { CaseType } from '../case-classification';
import { ANTI_SOCIAL_BEHAVIOUR } from './anti-social-behaviour';
import { CHILD_SEXUAL_EXPLOITATION } from './child-sexual-exploitation';
import { CRIME } from './crime';
import { FIRE } from './fire';
import { HATE_CRIME } from './hate-crime';
import { IOM_UPDATE } from './iom-update';
import { MISSING_PERSON } from './missing-person';
import { PREVENT } from './prevent';
import { PRISON_RELEASE } from './prison-release';
import { PROBATION } from './probation';
import type { CaseTypeProcess } from './process';

/** Every type the partnership records, with its process. */
export const CASE_TYPE_PROCESSES: Readonly<Record<CaseType, CaseTypeProcess>> = {
  ANTI_SOCIAL_BEHAVIOUR,
  HATE_CRIME,
  PREVENT,
  FIRE,
  CRIME,
  PRISON_RELEASE,
  PROBATION,
  IOM_UPDATE,
  MISSING_PERSON,
  CHILD_SEXUAL_EXPLOITATION,
};

export function processOf(type: CaseType): CaseTypeProcess {
  return CASE_TYPE_PROCESSES[type];
}
