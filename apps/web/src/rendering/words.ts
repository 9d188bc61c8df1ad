/**
 * The stored vocabulary (CASE_STAGES, CASE_TYPES, …) in the words a caseworker uses. Only the words
 * that plain sentence case gets wrong are listed; everything else is its code in sentence case, so no
 * code reaches the screen even when the domain grows a value this file has not met.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  ANTI_SOCIAL_BEHAVIOUR: 'Anti-social behaviour',
  IOM_UPDATE: 'Integrated offender management update',
  TOWN_CENTRE_ISSUE: 'Town centre issue',
  MBC_TENANT: 'Council tenant',
  CLOSURE_REVIEW: 'Closure review',
  GENERAL_CASEWORK: 'General casework',
  MAG: 'Melton Action Group (MAG)',
  JAG: 'Joint Action Group (JAG)',
  STANDARD: 'Standard',
  PENDING: 'Due',
  MET: 'Done',
  MISSED: 'Missed',
  CANCELLED: 'No longer needed',
  SAME_SUBJECT: 'Same person complained about',
  SAME_COMPLAINANT: 'Same complainant',
  SAME_LOCATION: 'Same place',
  POSSIBLE_DUPLICATE: 'Possibly the same problem',
  POLICE: 'Police',
  DE_ESCALATED: 'De-escalated',
  JOBCENTRE_PLUS: 'Jobcentre Plus',
  FIRE_AND_RESCUE: 'Fire and rescue',
  BY_HAND: 'Given to the person by hand',
  BY_POST: 'Sent by post',
  FIXED_TO_PROPERTY: 'Fixed to the property',
};

/** A stored code in words: ANTI_SOCIAL_BEHAVIOUR → "Anti-social behaviour", NOISE_DISPUTE → "Noise dispute". */
export function inWords(code: string | null | undefined): string {
  if (!code) return '';
  const special = SPECIAL[code];
  if (special) return special;
  const text = code.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** GOV.UK tag colours: what needs action stands out, what is finished recedes. */
const TAG_CLASSES: Readonly<Record<string, string>> = {
  PENDING: 'govuk-tag--blue',
  MET: 'govuk-tag--green',
  MISSED: 'govuk-tag--red',
  CANCELLED: 'govuk-tag--grey',
  HIGH: 'govuk-tag--red',
  MEDIUM: 'govuk-tag--orange',
  STANDARD: 'govuk-tag--grey',
  CLOSED: 'govuk-tag--grey',
  ANONYMISED: 'govuk-tag--grey',
};

export function tagClassOf(code: string | null | undefined): string {
  return (code && TAG_CLASSES[code]) || 'govuk-tag--light-blue';
}
