import { CaseOpening } from '../../../api/src/cases/case-opening';
import { CaseCommandDispatch } from '../../../api/src/cases/commands/case-command-dispatch';
import { CaseLinkChecks } from '../../../api/src/cases/links/case-link-checks';
import { NextSteps } from './next-steps';

/**
 * The API's one command path and its opening of cases, for the console's forms (with `CaseCommands`
 * and `TemporalClient`, which the role pages provide as well).
 */
export const COMMAND_FORM_SERVICES = [CaseCommandDispatch, CaseLinkChecks, CaseOpening, NextSteps];
