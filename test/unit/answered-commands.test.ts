import { AnsweredCommands } from '../../workflows/answered-commands';

const answer = (version: number) => ({ reference: 'ASB-2026-000123', version });

describe('the answers a case carries across continue-as-new', () => {
  it('answers a repeated update id with its first answer, and an unknown one with nothing', () => {
    const answers = new AnsweredCommands();
    answers.remember('recordIncident:key-1', answer(4));
    const next = new AnsweredCommands(answers.carry());
    expect(next.answerTo('recordIncident:key-1')).toEqual(answer(4));
    expect(next.answerTo('recordIncident:key-2')).toBeUndefined();
    expect(next.answerTo(undefined)).toBeUndefined();
  });

  it(`keeps the latest ${AnsweredCommands.KEPT}, dropping the oldest, so a case's input stays small`, () => {
    const answers = new AnsweredCommands();
    for (let command = 1; command <= AnsweredCommands.KEPT + 20; command += 1) answers.remember(`recordIncident:key-${command}`, answer(command));
    const carried = answers.carry();
    expect(carried).toHaveLength(AnsweredCommands.KEPT);
    expect(carried[0]).toEqual({ updateId: 'recordIncident:key-21', answer: answer(21) });
    expect(carried.at(-1)).toEqual({ updateId: `recordIncident:key-${AnsweredCommands.KEPT + 20}`, answer: answer(AnsweredCommands.KEPT + 20) });
    expect(new AnsweredCommands(carried).answerTo('recordIncident:key-20')).toBeUndefined();
  });

  it('carries what it was given with what it answered since, oldest first', () => {
    const answers = new AnsweredCommands([{ updateId: 'open-case:key-open', answer: answer(1) }]);
    answers.remember('recordIncident:key-1', answer(2));
    expect(answers.carry().map((each) => each.updateId)).toEqual(['open-case:key-open', 'recordIncident:key-1']);
  });
});
