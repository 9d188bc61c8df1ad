import type { CaseCommandName } from '../../../../libs/domain/src';
import { CASEWORK_FORMS } from './casework-forms';
import { CASE_TYPE_FORMS } from './case-type-forms';
import { ENFORCEMENT_FORMS } from './enforcement-forms';
import type { FormOf } from './form-kit';
import { LEGAL_FORMS } from './legal-forms';
import { RECORD_FORMS } from './record-forms';

export type { CommandForm, FormContext } from './form-kit';

/** The console's form for each command of the catalogue (COMMAND_ROUTES), by command. */
export const COMMAND_FORMS: Partial<Record<CaseCommandName, FormOf>> = { ...CASEWORK_FORMS, ...ENFORCEMENT_FORMS, ...RECORD_FORMS, ...LEGAL_FORMS, ...CASE_TYPE_FORMS };
