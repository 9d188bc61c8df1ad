import { Controller, ForbiddenException, Get, HttpCode, HttpException, NotFoundException, Post, Req, Res, type Type } from '@nestjs/common';
import type { Response } from 'express';
import type { Caller } from '../../../../libs/auth/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { mayReadCase } from '../../../api/src/auth/access-policy';
import { AuditAction, type AuditedRequest } from '../../../api/src/audit/audit-action.decorator';
import { CaseReadModel } from '../../../api/src/cases/case-read-model';
import { CaseReferenceParam, type CaseView } from '../../../api/src/cases/case.schemas';
import { CaseCommandDispatch } from '../../../api/src/cases/commands/case-command-dispatch';
import { COMMAND_ROUTES, type CommandRoute } from '../../../api/src/cases/commands/command-routes';
import { COMMAND_BODIES } from '../../../api/src/cases/commands/command.schemas';
import { toProblem } from '../../../api/src/http/dependency-errors';
import { answersFrom, bodyOf } from '../forms/form-fields';
import { errorsOfIssues, errorsOfProblem } from '../forms/form-errors';
import { rememberDone } from '../forms/done-banner';
import { inCasesSection } from '../forms/case-section';
import type { SessionRequest } from '../pages/signed-in';
import { COMMAND_FORMS, type CommandForm } from './command-forms';
import { checkAnswersPage, commandUrl, formPage } from './command-page';

type FormRequest = SessionRequest & AuditedRequest & { params: Record<string, string>; body?: Record<string, unknown>; query: Record<string, unknown> };

/** The statuses whose problem belongs on the form: a refusal (409), a field the API judged (400, 422). */
const SHOWN_ON_FORM = new Set([400, 409, 422]);

/**
 * Every case command as a form, at the API's own path under the case (`/cases/{reference}/reviews`):
 * GET draws it, POST sends it through the API's one command path (`CaseCommandDispatch`), with the body
 * judged by the same zod schema, and answers 303 to the case page with what was done.
 */
@Controller()
export class CommandFormsController {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly dispatch: CaseCommandDispatch,
    private readonly directory: StaffDirectory,
  ) {}

  /** The case as the caller sees it, and the form; 404 for a case they may not read, 403 for a command their role may not send. */
  private async prepare(route: CommandRoute, request: FormRequest, answers: Record<string, unknown>) {
    const caller = request.caller as Caller;
    const { reference, ...pathParams } = request.params;
    const found = CaseReferenceParam.safeParse(reference).success ? await this.readModel.find(reference!) : undefined;
    if (!found || !mayReadCase(caller, found)) throw new NotFoundException();
    const formOf = COMMAND_FORMS[route.command];
    if (!formOf) throw new NotFoundException();
    if (!(await this.dispatch.mayRun(caller, route, found, pathParams))) throw new ForbiddenException();
    const view: CaseView = await this.readModel.shownTo(caller, found);
    const form: CommandForm = formOf({ view, answers: answersFrom(answers), pathParams, staff: this.directory.members() });
    return { caller, reference: reference!, pathParams, form, page: { reference: reference!, action: commandUrl(reference!, route, pathParams), form } };
  }

  async show(route: CommandRoute, request: FormRequest, response: Response): Promise<void> {
    const { page, form } = await this.prepare(route, request, request.query);
    inCasesSection(response);
    response.render('commands/form', formPage(page, { ...form.defaults, ...answersFrom(request.query) }));
  }

  async send(route: CommandRoute, request: FormRequest, response: Response): Promise<void> {
    const posted = request.body ?? {};
    const { caller, reference, pathParams, form, page } = await this.prepare(route, request, posted);
    inCasesSection(response);
    const answers = answersFrom(posted);
    if (form.fields.length === 0 && form.choose) return response.status(400).render('commands/form', formPage(page, answers));
    const { body, unreadable } = bodyOf(form.fields, answers);
    const parsed = COMMAND_BODIES[route.command].safeParse(body);
    if (!parsed.success || unreadable.length > 0) {
      const errors = errorsOfIssues(form.fields, unreadable, parsed.success ? [] : parsed.error.issues);
      return response.status(400).render('commands/form', formPage(page, answers, errors));
    }
    const idempotencyKey = typeof posted.idempotencyKey === 'string' ? posted.idempotencyKey : undefined;
    if (form.checkAnswers && posted.confirmed !== 'yes') {
      return response.render('commands/check-answers', checkAnswersPage(page, answers, parsed.data as Record<string, unknown>, idempotencyKey ?? ''));
    }
    try {
      await this.dispatch.send(caller, route, reference, pathParams, parsed.data as Record<string, unknown>, { idempotencyKey }, request);
    } catch (error) {
      const problem = toProblem(error) ?? error;
      if (!(problem instanceof HttpException) || !SHOWN_ON_FORM.has(problem.getStatus())) throw problem;
      const errors = errorsOfProblem(form.fields, problem.getResponse() as object);
      return response.status(problem.getStatus()).render('commands/form', formPage(page, answers, errors));
    }
    await rememberDone(request, form.done);
    response.redirect(303, `/cases/${reference}`);
  }
}

for (const route of COMMAND_ROUTES) defineFormRoutes(CommandFormsController, route);

/** A GET and a POST per command, each its own handler, so that the audit trail names the command as the API's does. */
function defineFormRoutes(controller: Type<CommandFormsController>, route: CommandRoute): void {
  const prototype = controller.prototype as unknown as Record<string, unknown>;
  const path = `cases/:reference/${route.path}`;
  const define = (name: string, handler: (this: CommandFormsController, request: FormRequest, response: Response) => Promise<void>, decorators: MethodDecorator[]) => {
    prototype[name] = handler;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Reflect.defineMetadata('design:paramtypes', [Object, Object], prototype, name);
    for (const decorator of decorators) decorator(prototype, name, descriptor);
    Req()(prototype, name, 0);
    Res()(prototype, name, 1);
  };
  define(`${route.command}Form`, function (request, response) { return this.show(route, request, response); }, [Get(path)]);
  define(`${route.command}Send`, function (request, response) { return this.send(route, request, response); }, [Post(path), HttpCode(200), AuditAction(`case.command.${route.command}`)]);
}
