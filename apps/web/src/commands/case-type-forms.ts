import { CHANNEL_OUTCOMES, type CaseCommandName, PROTECTED_CHARACTERISTICS } from '../../../../libs/domain/src';
import { choices, fixed, type FormOf, text, whenLate, yesNo } from './form-kit';

const summary = (label: string, missing: string) => ({ ...text('summary', label), missing });

/** The forms of each case type's own commands (docs/case-types.md). */
export const CASE_TYPE_FORMS: Partial<Record<CaseCommandName, FormOf>> = {
  recordVictimContact: fixed({
    title: 'Record contact with the hate crime victim',
    fields: [
      { name: 'protectedCharacteristics', kind: 'checkboxes', label: 'What was the hostility based on?', missing: 'Select at least one', choices: choices(PROTECTED_CHARACTERISTICS) },
      { name: 'victimSupport', kind: 'radios', label: 'The referral to victim support was offered. Did the victim accept it?', missing: 'Select whether the victim accepted', choices: [{ value: 'ACCEPTED', text: 'Accepted' }, { value: 'DECLINED', text: 'Declined' }] },
      summary('What was said and agreed', 'Enter what was said and agreed'),
      whenLate('When the victim was contacted, if earlier than now'),
    ],
    done: 'Contact with the victim recorded',
  }),
  recordPoliceNotification: fixed({
    title: 'Record that the police were notified',
    fields: [{ name: 'policeReference', kind: 'text', label: 'Police crime or incident number', missing: 'Enter the police reference' }, whenLate('When the police were told, if earlier than now')],
    done: 'Police notification recorded',
  }),
  recordMissingEpisode: fixed({
    title: 'Record a missing episode',
    fields: [
      { name: 'missingFrom', kind: 'dateTime', label: 'When was the child last seen?', missing: 'Enter when the child was last seen' },
      { name: 'returnedAt', kind: 'dateTime', label: 'When did the child come back?', missing: 'Enter when the child came back' },
    ],
    done: 'Missing episode recorded',
  }),
  recordReturnHomeInterview: fixed({
    title: 'Record the return home interview offered',
    fields: [yesNo('accepted', 'Did the child take up the interview?', 'Select yes if the child took it up'), summary('What was offered and arranged', 'Enter what was offered'), whenLate('When it was offered, if earlier than now')],
    done: 'Return home interview recorded',
  }),
  recordSafeguardingReferral: fixed({
    title: 'Record the safeguarding referral to children’s social care',
    fields: [summary('How and to whom the referral was made', 'Enter how the referral was made'), { name: 'socialCareReference', kind: 'text', label: 'Children’s social care reference (if given)' }, whenLate('When it was made, if earlier than now')],
    done: 'Safeguarding referral recorded',
  }),
  recordPreventReferral: fixed({
    title: 'Record the referral to the police Prevent gateway',
    fields: [summary('What was referred', 'Enter what was referred'), { name: 'gatewayReference', kind: 'text', label: 'Gateway reference (if given)' }, whenLate('When it was sent, if earlier than now')],
    done: 'Prevent referral recorded',
  }),
  recordChannelPanel: fixed({
    title: 'Record the Channel panel’s decision',
    fields: [{ name: 'outcome', kind: 'radios', label: 'What did the panel decide?', missing: 'Select the decision', choices: choices(CHANNEL_OUTCOMES) }, summary('What the panel decided and why', 'Enter what the panel decided')],
    done: 'Channel panel decision recorded',
  }),
  recordChannelReview: fixed({ title: 'Record the review after leaving Channel', fields: [summary('What the review found', 'Enter what the review found')], done: 'Channel review recorded' }),
};
