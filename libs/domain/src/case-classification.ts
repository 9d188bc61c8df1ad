/** The vocabulary a Community Safety Partnership records a case in (docs/domain.md, The case). */
export const CASE_TYPES = [
  'ANTI_SOCIAL_BEHAVIOUR',
  'HATE_CRIME',
  'PREVENT',
  'FIRE',
  'CRIME',
  'PRISON_RELEASE',
  'PROBATION',
  'IOM_UPDATE',
  'MISSING_PERSON',
  'CHILD_SEXUAL_EXPLOITATION',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_CATEGORIES = [
  'NOISE_DISPUTE',
  'COMMUNITY_DISRUPTION',
  'TOWN_CENTRE_ISSUE',
  'ARSON',
  'HARASSMENT',
  'DRUGS',
  'DOG_FOULING',
  'INCONSIDERATE_PARKING',
  'VEHICLE_CRIME',
  'SPEEDING',
  'OTHER',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const REPORT_CHANNELS = ['ONLINE_REPORT', 'CUSTOMER_SERVICES_CALL', 'POLICE_REFERRAL', 'PARTNER_REFERRAL'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Ordered from least to most serious, so a comparison of indexes compares risk. */
export const RISK_LEVELS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const CASE_STAGES = [
  'REPORTED',
  'TRIAGED',
  'ALLOCATED',
  'ACTIVE',
  'MONITORING',
  'CLOSURE_REVIEW',
  'CLOSED',
  'ANONYMISED',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const FORUMS = ['GENERAL_CASEWORK', 'MAG', 'JAG'] as const;
export type Forum = (typeof FORUMS)[number];

/** The partnership's agencies (docs/domain.md, Who the service is for), to which a case may be shared. */
export const PARTNER_AGENCIES = ['POLICE', 'HOUSING', 'PROBATION', 'COUNTY_COUNCIL', 'SCHOOLS', 'FIRE_AND_RESCUE', 'JOBCENTRE_PLUS'] as const;
export type PartnerAgency = (typeof PARTNER_AGENCIES)[number];
