import { Injectable } from '@nestjs/common';
import type { Caller } from '../../../../libs/auth/src';
import type { NextStep } from '../../../../libs/domain/src';
import { CaseCommands } from '../../../api/src/cases/case-commands';
import type { CaseView } from '../../../api/src/cases/case.schemas';
import { CaseCommandDispatch } from '../../../api/src/cases/commands/case-command-dispatch';
import { COMMAND_ROUTES, type CommandRoute } from '../../../api/src/cases/commands/command-routes';
import { sentenceInWords } from '../rendering/sentence-in-words';
import { COMMAND_FORMS } from './command-forms';
import { commandUrl } from './command-page';
import { partSteps, type StepLink } from './part-steps';

export interface NextStepsPanel {
  readonly available: readonly StepLink[];
  /** Each step the domain refuses now, with why (and from when, where time will cure it), in words. */
  readonly unavailable: readonly { readonly title: string; readonly why: string }[];
  /** What can be done at any time: record an incident, log a contact, share, link, and the steps on each part of the case. */
  readonly more: readonly StepLink[];
}

/**
 * The case page's next steps: the domain's own `nextSteps` (a query of the case's workflow), each as a
 * link to its form or with the refusal that explains it, kept to what the caller's role may send.
 */
@Injectable()
export class NextSteps {
  constructor(
    private readonly commands: CaseCommands,
    private readonly dispatch: CaseCommandDispatch,
  ) {}

  async panel(caller: Caller, view: CaseView, now: Date): Promise<NextStepsPanel> {
    const { steps } = await this.commands.nextSteps(view.reference, now);
    const allowed = new Map<string, boolean>();
    for (const route of COMMAND_ROUTES) allowed.set(route.command, COMMAND_FORMS[route.command] !== undefined && (await this.dispatch.mayRun(caller, route, view, {})));
    const mine = (steps as NextStep[]).filter((step) => allowed.get(step.command));
    const subjectName = (id: string | undefined) => view.subjects.find((subject) => subject.id === id)?.name;
    const titleOf = (step: NextStep) => {
      const against = subjectName(step.subjectId);
      return sentenceInWords(against ? `${step.title} against ${against}` : step.title);
    };
    return {
      available: mine.filter((step) => step.available).map((step) => ({ text: titleOf(step), href: hrefOf(view.reference, step) })),
      unavailable: mine.filter((step) => !step.available && step.refusal).map((step) => ({ title: titleOf(step), why: sentenceInWords(step.refusal!.message) })),
      more: partSteps(view, (command) => allowed.get(command) === true),
    };
  }
}

const routeOf = (command: string): CommandRoute => COMMAND_ROUTES.find((route) => route.command === command)!;

function hrefOf(reference: string, step: NextStep): string {
  const url = commandUrl(reference, routeOf(step.command), step.referralId ? { referralId: step.referralId } : {});
  const query = new URLSearchParams();
  if (step.step) query.set('kind', step.step);
  if (step.subjectId) query.set('subjectId', step.subjectId);
  // The domain titles a forum change "Move to MAG": the forum it moves to, which the form is filled with.
  if (step.command === 'changeForum') query.set('to', step.title.replace(/^Move to /u, ''));
  return query.size > 0 ? `${url}?${query.toString()}` : url;
}
