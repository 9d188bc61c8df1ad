import type { CaseChange, CaseFile, CommandContext, Refusal } from './state';

/** A command's two pure parts, as the catalogue (`CaseCommand` in commands.ts) holds them. */
interface JudgedCommand<C> {
  readonly refusal: (file: CaseFile, command: C, ctx: CommandContext) => Refusal | undefined;
  readonly apply: (file: CaseFile, command: C, ctx: CommandContext) => CaseChange;
}

/** What a command may add to say when it really happened; absent, it happened as it is recorded. */
export interface TrueMoment {
  /** ISO instant the step, notice, order or contact really happened; never after it is recorded. */
  readonly occurredAt?: string;
}

/**
 * The moment a command takes effect: when it really happened, when that is given, or else when it is
 * recorded. Statutory clocks (a warning's compliance period, an appeal window, a payment period) run
 * from it, so that a notice served yesterday and entered today ends when the law says it does.
 */
export function effectiveMoment(command: TrueMoment, ctx: CommandContext): Date {
  return command.occurredAt === undefined ? ctx.now : new Date(command.occurredAt);
}

/** Entered after it happened: its clocks already ran before the case knew of it. */
export function enteredLate(command: TrueMoment, ctx: CommandContext): boolean {
  return effectiveMoment(command, ctx).getTime() < ctx.now.getTime();
}

/**
 * When the case's own story begins: its first report, which is when it was opened or, where an incident
 * was recorded as happening earlier, that incident. Nothing done about the case can precede it; only an
 * incident (what the case is about) can.
 */
export function caseBeganAt(file: CaseFile): Date {
  return new Date(Math.min(Date.parse(file.openedAt), ...file.incidents.map((incident) => Date.parse(incident.occurredAt))));
}

/** Why the moment a command says it happened cannot be taken: in the future, or before the case began. */
export function trueMomentRefusal(file: CaseFile, command: TrueMoment, ctx: CommandContext): Refusal | undefined {
  if (command.occurredAt === undefined) return undefined;
  const moment = effectiveMoment(command, ctx);
  if (moment.getTime() > ctx.now.getTime()) {
    return { condition: 'OCCURRED_IN_FUTURE', message: `it cannot have happened at ${command.occurredAt}, which is still to come` };
  }
  const began = caseBeganAt(file);
  if (moment.getTime() < began.getTime()) {
    return { condition: 'OCCURRED_BEFORE_CASE', message: `${command.occurredAt} is before case ${file.reference} began (${began.toISOString()}), its first report` };
  }
  return undefined;
}

/**
 * A command that may say when it really happened. It is judged and applied as at that moment, so every
 * deadline it plans runs from it; it is recorded now. An entry made late is flagged: each deadline it
 * plans carries `late`, and each timeline entry keeps `occurredAt` and `late` in its data. A deadline
 * already past when entered is left pending: the case workflow's timer finds it due at once and records
 * it as it does any other (a duty MISSED, with its alert).
 */
export function withTrueMoment<C>(command: JudgedCommand<C>): JudgedCommand<C & TrueMoment> {
  const asAt = (ctx: CommandContext, moment: Date): CommandContext => ({ ...ctx, now: moment });
  return {
    refusal: (file, given, ctx) => trueMomentRefusal(file, given, ctx) ?? command.refusal(file, given, asAt(ctx, effectiveMoment(given, ctx))),
    apply: (file, given, ctx) => {
      const made = command.apply(file, given, asAt(ctx, effectiveMoment(given, ctx)));
      if (!enteredLate(given, ctx)) return made;
      const recordedAt = ctx.now.toISOString();
      const known = new Set(file.deadlines.map((deadline) => deadline.id));
      return {
        ...made,
        file: {
          ...made.file,
          deadlines: made.file.deadlines.map((deadline) => (known.has(deadline.id) ? deadline : { ...deadline, plannedAt: recordedAt, late: true })),
        },
        timeline: made.timeline.map((entry) => ({ ...entry, at: recordedAt, data: { ...entry.data, occurredAt: given.occurredAt, late: true } })),
      };
    },
  };
}
