import { randomUUID } from 'node:crypto';
import { Controller, ForbiddenException, Get, HttpCode, HttpException, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import type { DuplicateDecisionKind, PossibleDuplicate } from '../../../../libs/domain/src';
import { mayOpenCase } from '../../../api/src/auth/access-policy';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CurrentCaller } from '../../../api/src/auth/current-caller.decorator';
import { CaseOpening } from '../../../api/src/cases/case-opening';
import { CaseReferenceParam, type OpenCaseRequest } from '../../../api/src/cases/case.schemas';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { type Answers, answerPairs, answersFrom } from '../forms/form-fields';
import { errorsOfProblem, type FormErrors, NO_ERRORS } from '../forms/form-errors';
import { fieldView } from '../forms/form-view';
import { rememberDone } from '../forms/done-banner';
import { inCasesSection } from '../forms/case-section';
import { inWords } from '../rendering/words';
import { openingFields, openingRequest } from './opening-form';

type PostedRequest = Request & AuditedRequest & { body?: Record<string, unknown> };

/** The answers about a possible duplicate, which are not the report's own. */
const DECISION = 'duplicateDecision';
const DECISION_REASON = 'duplicateReason';
const DECIDED_ABOUT = 'duplicateReferences';

/**
 * Opening a case as a form: `/cases/new`, through the API's own opening (`CaseOpening`, as `POST /cases`).
 * A report that may repeat an open case shows the matches, and the person decides: open it anyway,
 * open it linked to them, or add the report to that case as an incident instead.
 */
@Controller('cases/new')
export class OpeningController {
  constructor(private readonly opening: CaseOpening) {}

  @Get()
  show(@CurrentCaller() caller: Caller, @Res() response: Response): void {
    mustOpen(caller, response);
    response.render('opening/new-case', this.formPage(caller, { caseworker: caller.roles.includes('caseworker') ? caller.id : '' }));
  }

  @Post()
  @HttpCode(200)
  @AuditAction('case.open')
  async send(@CurrentCaller() caller: Caller, @Req() request: PostedRequest, @Res() response: Response): Promise<void> {
    mustOpen(caller, response);
    const posted = request.body ?? {};
    const { [DECISION]: decision, [DECISION_REASON]: reason, [DECIDED_ABOUT]: decidedAbout, ...answers } = answersFrom(posted);
    const references = Array.isArray(decidedAbout) ? decidedAbout : decidedAbout ? [decidedAbout] : [];
    const repeated = typeof decision === 'string' && decision.startsWith('INCIDENT:') ? decision.slice('INCIDENT:'.length) : undefined;
    if (repeated !== undefined && CaseReferenceParam.safeParse(repeated).success) {
      // The report is added to the case it repeats: that case's incident form, with what was reported.
      return response.redirect(303, `/cases/${repeated}/incidents?${new URLSearchParams({ description: String(answers.summary ?? '') }).toString()}`);
    }
    const fields = openingFields(caller);
    const opening = openingRequest(caller, fields, answers);
    if ('errors' in opening) return response.status(400).render('opening/new-case', this.formPage(caller, answers, opening.errors));
    let report = opening.request;
    if (decision !== undefined || references.length > 0) {
      const errors = decisionErrors(decision, reason);
      if (errors) return this.showMatches(caller, report, answers, response, errors, { [DECISION]: decision, [DECISION_REASON]: reason });
      report = { ...report, possibleDuplicates: { decision: decision as DuplicateDecisionKind, references, reason: String(reason) } };
    }
    try {
      const idempotencyKey = typeof posted.idempotencyKey === 'string' ? posted.idempotencyKey : undefined;
      const { reference, view } = await this.opening.open(caller, report, idempotencyKey);
      request.audit = { reference, after: view };
      await rememberDone(request, `Case ${reference} opened`);
      response.redirect(303, `/cases/${reference}`);
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException)) throw problem;
      const body = problem.getResponse() as { condition?: string; matches?: PossibleDuplicate[] };
      if (body.condition === 'POSSIBLE_DUPLICATE' && body.matches) return response.status(409).render('opening/duplicates', this.duplicatesPage(answers, body.matches));
      if (problem.getStatus() !== 400 && problem.getStatus() !== 422) throw problem;
      return response.status(problem.getStatus()).render('opening/new-case', this.formPage(caller, answers, errorsOfProblem(fields, body)));
    }
  }

  /** The duplicate page again, with what was missing from the decision: the matches as the duplicate check finds them now. */
  private async showMatches(caller: Caller, request: OpenCaseRequest, answers: Answers, response: Response, errors: FormErrors, chosen: Answers): Promise<void> {
    const matches = await this.opening.matches(caller, request);
    response.status(400).render('opening/duplicates', this.duplicatesPage(answers, matches, errors, chosen));
  }

  private formPage(caller: Caller, answers: Answers, errors: FormErrors = NO_ERRORS) {
    return {
      pageTitle: 'Open a case',
      pageError: errors.summary.length > 0,
      team: inWords(caller.team),
      errors,
      idempotencyKey: randomUUID(),
      fields: openingFields(caller).map((field) => fieldView(field, answers, errors.byField[field.name])),
    };
  }

  /** The matches, and the choice: the report's answers ride along hidden, so nothing is lost whichever way. */
  private duplicatesPage(answers: Answers, matches: readonly PossibleDuplicate[], errors: FormErrors = NO_ERRORS, chosen: Answers = {}) {
    const reasonError = errors.byField[DECISION_REASON];
    const decisionError = errors.byField[DECISION];
    return {
      pageTitle: 'This report may repeat an open case',
      pageError: errors.summary.length > 0,
      errors,
      idempotencyKey: randomUUID(),
      carried: answerPairs(answers),
      matches: matches.map((match) => ({
        reference: match.reference,
        team: inWords(match.team),
        stage: inWords(match.stage),
        openedAt: match.openedAt,
        matchedOn: match.matchedOn.map((ground) => MATCHED_ON[ground] ?? inWords(ground).toLowerCase()).join(', '),
      })),
      decision: chosen[DECISION],
      reason: chosen[DECISION_REASON] ?? '',
      reasonError,
      decisionError,
    };
  }
}

const MATCHED_ON: Readonly<Record<string, string>> = { COMPLAINANT: 'the same complainant', SUBJECT: 'the same person complained about', ADDRESS: 'the same address' };

/** What is missing from a decision about the matches, or undefined when it is complete. */
function decisionErrors(decision: string | string[] | undefined, reason: string | string[] | undefined): FormErrors | undefined {
  const byField: Record<string, string> = {};
  if (decision !== 'OPEN_ANYWAY' && decision !== 'OPEN_AND_LINK') byField[DECISION] = 'Select what to do with this report';
  else if (typeof reason !== 'string' || reason.trim() === '') byField[DECISION_REASON] = 'Enter why this is a case of its own';
  const summary = Object.entries(byField).map(([name, text]) => ({ text, href: `#${name}` }));
  return summary.length > 0 ? { summary, byField } : undefined;
}

function mustOpen(caller: Caller, response: Response): void {
  if (!caller.team || !mayOpenCase(caller, caller.team)) throw new ForbiddenException();
  inCasesSection(response);
}
