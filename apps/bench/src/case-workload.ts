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
