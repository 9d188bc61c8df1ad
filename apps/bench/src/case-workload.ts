import type { TokenClaims } from '../../../libs/auth/src';
import { surnameOf } from './surnames';

/** Two teams, each worked by an officer who is also its manager (as in the local staff directory). */
export const OFFICERS: readonly TokenClaims[] = [
  { sub: 'amira.khan', name: 'Amira Khan', roles: ['caseworker', 'manager'], team: 'north' },
  { sub: 'tom.price', name: 'Tom Price', roles: ['caseworker', 'manager'], team: 'south' },
];
/** Sees every team's cases: lists, the overdue filter and statistics answer across the partnership. */
export const HEAD_OF_SERVICE: TokenClaims = { sub: 'helen.ward', name: 'Helen Ward', roles: ['head_of_service'], team: 'north' };

const CATEGORIES = ['NOISE_DISPUTE', 'COMMUNITY_DISRUPTION', 'HARASSMENT', 'DRUGS', 'VEHICLE_CRIME'] as const;
const WARDS = ['Egerton', 'Sysonby', 'Craven', 'Dorian', 'Warwick', 'Newport'] as const;
const RISKS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;

/**
 * A case as a caseworker opens it: triaged and allocated at intake, with a complainant and a subject,
 * so its first review, its initial contact and its complainant updates are all live timers. Each case
 * is about its own people at its own house, as the API opens no possible duplicate without a decision.
 */
export function openingOf(i: number, officer: TokenClaims) {
  return {
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: CATEGORIES[i % CATEGORIES.length],
    channel: i % 3 === 0 ? 'POLICE_REFERRAL' : 'ONLINE_REPORT',
    summary: `Benchmark case ${i}: loud music and shouting from the flat above most nights after midnight.`,
    riskLevel: RISKS[i % RISKS.length],
    team: officer.team,
    caseworker: officer.sub,
    location: { address: `${i + 1} Egerton View, Melton Mowbray`, ward: WARDS[i % WARDS.length], priorityNeighbourhood: i % 4 === 0 },
    complainants: [{ id: 'c1', name: `Pat ${surnameOf(i)}`, vulnerable: i % 5 === 0 }],
    subjects: [{ id: 's1', name: `Jordan ${surnameOf(i)}`, dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
  };
}

/**
 * The case a deadline storm is made of: HIGH risk (reviewed every 7 days), allocated, with a subject
 * and no complainant, so the review is its only deadline and every case's falls due at the same
 * instant: the end of the seventh day after the day it was opened. Each subject is someone else (and
 * no subject of `openingOf`'s), as the API opens no possible duplicate without a decision.
 */
export function stormCaseOf(i: number, officer: TokenClaims) {
  return {
    type: 'ANTI_SOCIAL_BEHAVIOUR',
    category: CATEGORIES[i % CATEGORIES.length],
    channel: 'ONLINE_REPORT',
    summary: `Deadline storm case ${i}: repeated noise reported by neighbours.`,
    riskLevel: 'HIGH',
    team: officer.team,
    caseworker: officer.sub,
    location: { ward: WARDS[i % WARDS.length], priorityNeighbourhood: false },
    subjects: [{ id: 's1', name: `Riley ${surnameOf(i)}`, dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
  };
}

/**
 * The case a deadline storm in real time is made of: a missing child (HIGH risk, allocated, no
 * complainant, so no complainant duties and a first review 7 days away). Its one near deadline comes
 * from `missingEpisodeDueAt`. Each child is someone else, and no one of the other workloads.
 */
export function missingChildCaseOf(i: number, officer: TokenClaims) {
  return {
    type: 'MISSING_PERSON',
    category: 'OTHER',
    channel: 'POLICE_REFERRAL',
    summary: `Deadline storm case ${i}: a child missing overnight from a foster placement.`,
    riskLevel: 'HIGH',
    team: officer.team,
    caseworker: officer.sub,
    location: { ward: WARDS[i % WARDS.length], priorityNeighbourhood: false },
    subjects: [{ id: 's1', name: `Casey ${surnameOf(i)}`, dateOfBirth: '2012-03-01', tenure: 'UNKNOWN' }],
  };
}

const RETURN_HOME_INTERVIEW_MS = 72 * 3_600_000;

/**
 * A missing episode entered late: the child came back 72 hours before `dueAt`, so the return home
 * interview (due 72 hours after the return, an exact instant: DfE statutory guidance) falls due at
 * `dueAt` to the millisecond. The API's one way to aim a deadline at a chosen instant of real time.
 */
export function missingEpisodeDueAt(dueAt: Date) {
  const returnedAt = dueAt.getTime() - RETURN_HOME_INTERVIEW_MS;
  return { missingFrom: new Date(returnedAt - 12 * 3_600_000).toISOString(), returnedAt: new Date(returnedAt).toISOString() };
}

/** The three commands a caseworker records most, in turn: a review, an incident, a written warning. */
export const COMMANDS = [
  { name: 'review', path: 'reviews', body: () => ({ summary: 'Visited both households; music now off by 11pm. Keep under review.' }) },
  {
    name: 'incident',
    path: 'incidents',
    body: () => ({ occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Loud music and shouting until 2am.', subjectIds: ['s1'] }),
  },
  { name: 'warning', path: 'enforcement-steps', body: () => ({ kind: 'WRITTEN_WARNING', subjectId: 's1', notes: 'Delivered by hand.' }) },
] as const;
