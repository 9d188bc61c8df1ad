import type { OpenCaseCommand } from '../../libs/domain/src';

/** A noise dispute as a caseworker opens it over HTTP: one complainant, one subject with a date of birth. */
export const NOISE_DISPUTE = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music from the flat above most nights after midnight.',
  riskLevel: 'MEDIUM',
  team: 'north',
  caseworker: 'amira.khan',
  complainants: [{ id: 'c1', name: 'Pat Lee' }],
  subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14' }],
} as const;

/** A hate crime referred by the police, with nothing beyond what opening needs: for tests about the service, not the case. */
export const HARASSMENT_REFERRAL = {
  type: 'HATE_CRIME',
  category: 'HARASSMENT',
  channel: 'POLICE_REFERRAL',
  summary: 'Repeated abuse shouted at a family on the estate.',
  riskLevel: 'MEDIUM',
  team: 'south',
} as const;

/** A HIGH risk noise case as the workflow takes it (reviewed every 7 days), with no complainant: for tests of the review's deadline. */
export const HIGH_RISK_NOISE: OpenCaseCommand = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Loud music from the flat above most nights after midnight.',
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'amira.khan',
  location: { ward: 'Egerton', priorityNeighbourhood: false },
  openedBy: 'amira.khan',
};
