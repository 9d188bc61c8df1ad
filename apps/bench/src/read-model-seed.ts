import type { Client } from 'pg';
import { CASE_CATEGORIES, CASE_TYPES, CLOSURE_REASONS, REPORT_CHANNELS } from '../../../libs/domain/src';
import { REVIEW_OVERDUE } from '../../../libs/persistence/src/case-queries';

/** The wards of a district council (Melton's), so that ward filters and statistics group realistically. */
const WARDS = [
  'Asfordby', 'Bottesford', 'Croxton Kerrial', 'Egerton', 'Frisby', 'Gaddesby', 'Long Clawson', 'Melton Craven', 'Melton Dorian',
  'Melton Egerton', 'Melton Newport', 'Melton Sysonby', 'Melton Warwick', 'Old Dalby', 'Somerby', 'Waltham', 'Wymondham',
];

/** Names and streets to make people and places from: 40 first names, 600 surnames, 40 streets. */
const FIRST_NAMES = [
  'Jordan', 'Sam', 'Alex', 'Casey', 'Taylor', 'Morgan', 'Jamie', 'Riley', 'Charlie', 'Robin', 'Pat', 'Lee', 'Chris', 'Jo', 'Kim', 'Dana', 'Ellis', 'Frankie',
  'Harper', 'Kai', 'Logan', 'Max', 'Noel', 'Owen', 'Paige', 'Quinn', 'Reece', 'Sasha', 'Toni', 'Vic', 'Wren', 'Zane', 'Amira', 'Bilal', 'Chloe', 'Dev',
  'Ewa', 'Femi', 'Grace', 'Hamza',
];
const SURNAME_STARTS = ['Ash', 'Black', 'Brad', 'Brook', 'Car', 'Chad', 'Cran', 'Dun', 'East', 'Fair', 'Gold', 'Green', 'Hal', 'Hart', 'Hol', 'Ken', 'Lang', 'Lind', 'Mar', 'Mid', 'New', 'North', 'Oak', 'Pen', 'Red', 'Rich', 'Stan', 'Wake', 'West', 'Whit'];
const SURNAME_ENDS = ['field', 'ford', 'ham', 'ley', 'well', 'wood', 'worth', 'ton', 'by', 'dale', 'shaw', 'stone', 'more', 'win', 'ridge', 'cliffe', 'brook', 'hurst', 'land', 'wick'];
const STREETS = [
  'High Street', 'Brook Lane', 'Egerton View', 'Nottingham Road', 'Leicester Road', 'Scalford Road', 'Wilton Road', 'Burton Road', 'Dalby Road', 'Asfordby Road',
  'Norman Way', 'Sandy Lane', 'Craven Street', 'King Street', 'Park Lane', 'Thorpe Road', 'Saxby Road', 'Welby Lane', 'Sysonby Street', 'Ankle Hill',
  'Main Street', 'Church Lane', 'Mill Street', 'Chapel Street', 'Station Road', 'Victoria Street', 'Queen Street', 'Elms Road', 'Granby Street', 'Snow Hill',
  'Limes Avenue', 'Beech Drive', 'Oakham Road', 'Warwick Road', 'Dieppe Way', 'Fairmead Close', 'Kirby Lane', 'Hudson Road', 'Mowbray Gardens', 'Valley Road',
];

/** What was reported, so that words of a summary match a share of the cases, not all of them. */
const SUMMARIES = [
  'repeated noise and shouting reported by neighbours', 'loud music from the flat above most nights', 'youths gathering and drinking in the park',
  'dog barking all day while the owner is out', 'cars parked across driveways and verges', 'abuse shouted at a neighbour on the stairs',
  'rubbish dumped in the communal garden', 'fireworks let off in the street late at night', 'motorbikes ridden on the playing field',
  'graffiti sprayed on garages and fences',
];

/** A person the seed made (the `g`th case's subject), and the postcode of the `g`th case, for the benchmark's searches. */
export const seededSubjectName = (g: number) =>
  `${FIRST_NAMES[g % FIRST_NAMES.length]} ${SURNAME_STARTS[Math.floor(g / 7) % SURNAME_STARTS.length]}${SURNAME_ENDS[Math.floor(g / 211) % SURNAME_ENDS.length]}`;
/** The `g`th case's house number and street, as the seed writes them before the town and postcode. */
export const seededStreetAddress = (g: number) => `${(g % 200) + 1} ${STREETS[g % STREETS.length]}`;
export const seededPostcode = (g: number) => `LE13 ${g % 9}${String.fromCharCode(65 + (Math.floor(g / 9) % 26))}${String.fromCharCode(65 + (Math.floor(g / 234) % 26))}`;

/**
 * Fills the read model up to `total` cases with a partnership's history, written straight into the
 * tables the workflow keeps (the queries read only those): six years of cases, most of them closed,
 * the recent ones open; three teams; risk STANDARD 60%, MEDIUM 30%, HIGH 10%; about one open case in
 * eight with its review overdue; past reviews met, some of them late; forum escalations; closures; a
 * subject and a complainant on each, and an address with a postcode.
 * Seeded references (ASB-YYYY-5xxxxx) never meet the ones the service allocates. Returns how many it added.
 */
export async function seedReadModel(pg: Client, total: number): Promise<number> {
  const { rows } = await pg.query<{ count: number }>(`select count(*)::int as count from asb_case`);
  const toAdd = Math.max(total - (rows[0]?.count ?? 0), 0);
  if (toAdd === 0) return 0;
  await pg.query(`select setseed(0.4242)`);
  await pg.query(`drop table if exists seed_case`);
  await pg.query(
    `create temp table seed_case as
     with base as (
       select g, now() - random() * interval '6 years' as opened_at,
         random() as r_team, random() as r_risk, random() as r_open, random() as r_stage, random() as r_type, random() as r_category, random() as r_ward
       from generate_series(1, $1::int) g
     ), staged as (
       select b.*,
         case when b.opened_at > now() - interval '120 days' or b.r_open < 0.08 then
           case when r_stage < 0.04 then 'REPORTED' when r_stage < 0.08 then 'TRIAGED' when r_stage < 0.16 then 'ALLOCATED'
                when r_stage < 0.80 then 'ACTIVE' when r_stage < 0.95 then 'MONITORING' else 'CLOSURE_REVIEW' end
         else 'CLOSED' end as stage,
         case when r_team < 0.45 then 'north' when r_team < 0.80 then 'south' else 'east' end as team
       from base b
     ), risked as (
       select s.*,
         case when stage = 'REPORTED' then null when r_risk < 0.6 then 'STANDARD' when r_risk < 0.9 then 'MEDIUM' else 'HIGH' end as risk_level,
         case when r_risk < 0.6 then 28 when r_risk < 0.9 then 14 else 7 end as cadence,
         case when stage = 'CLOSED' then least(opened_at + (30 + g % 300) * interval '1 day', now() - interval '1 day') end as closed_at
       from staged s
     ), reviewed as (
       select r.*,
         stage not in ('CLOSED', 'REPORTED') and (g * 13) % 100 < 12 as overdue,
         least(floor(extract(epoch from coalesce(closed_at, now()) - opened_at) / 86400 / cadence)::int, 60) as review_count
       from risked r
     ), due as (
       select v.*,
         case when stage = 'CLOSED' or risk_level is null then null
              when overdue then (now() at time zone 'Europe/London')::date - (1 + g % 20)
              else (greatest(opened_at, now() - (g % cadence) * interval '1 day' - interval '3 hours') at time zone 'Europe/London')::date + cadence end as next_due_on
       from reviewed v
     )
     select d.*,
       'ASB-' || to_char(opened_at at time zone 'Europe/London', 'YYYY') || '-' || lpad((500000 + g)::text, 6, '0') as reference,
       team || '.officer' || (g % 6) as caseworker,
       case when r_type < 0.85 then 'ANTI_SOCIAL_BEHAVIOUR' else ($2::text[])[1 + g % array_length($2::text[], 1)] end as type,
       ($3::text[])[1 + floor(r_category * array_length($3::text[], 1))::int] as category,
       ($4::text[])[1 + g % array_length($4::text[], 1)] as channel,
       ($5::text[])[1 + floor(r_ward * array_length($5::text[], 1))::int] as ward,
       case when g % 100 < 85 then 'GENERAL_CASEWORK' when g % 100 < 95 then 'MAG' else 'JAG' end as forum,
       case when stage = 'CLOSED' then ($6::text[])[1 + g % array_length($6::text[], 1)] end as closure_reason,
       ((next_due_on + 1)::timestamp at time zone 'Europe/London') - interval '1 millisecond' as next_due_at
     from due d`,
    [toAdd, [...CASE_TYPES.slice(1)], [...CASE_CATEGORIES], [...REPORT_CHANNELS], WARDS, [...CLOSURE_REASONS]],
  );
  await pg.query(
    `insert into asb_case (reference, version, stage, type, category, channel, summary, risk_level, team, caseworker, address, ward,
       priority_neighbourhood, policy_version, opened_at, opened_by, review_count, last_reviewed_at, next_review_due_on, next_review_due_at,
       updated_at, forum, closure_reason, closed_at)
     select reference, 2 + review_count, stage, type, category, channel, 'Seeded case ' || g || ': ' || ($2::text[])[1 + g % array_length($2::text[], 1)] || '.',
       risk_level, team, case when stage = 'REPORTED' then null else caseworker end,
       (g % 200 + 1) || ' ' || ($1::text[])[1 + g % array_length($1::text[], 1)] || ', Melton Mowbray LE13 ' || (g % 9) || chr(65 + (g / 9) % 26) || chr(65 + (g / 234) % 26), ward,
       g % 4 = 0, '2026.1', opened_at, caseworker, review_count,
       case when risk_level is null then null
            when stage = 'CLOSED' then closed_at - interval '2 days'
            else (next_due_at - cadence * interval '1 day') - interval '2 hours' end,
       next_due_on, case when next_due_on is null then null else next_due_at end,
       coalesce(closed_at, now()), forum, closure_reason, closed_at
     from seed_case`,
    [STREETS, SUMMARIES],
  );
  // A subject with a date of birth and a complainant on each case (names as seededSubjectName makes them).
  await pg.query(
    `insert into case_party (reference, party_id, role, name, date_of_birth)
     select reference, 's1', 'SUBJECT', ($1::text[])[1 + g % array_length($1::text[], 1)] || ' ' || ($2::text[])[1 + (g / 7) % array_length($2::text[], 1)]
       || ($3::text[])[1 + (g / 211) % array_length($3::text[], 1)], date '1960-01-01' + (g * 37) % 16000 from seed_case
     union all
     select reference, 'c1', 'COMPLAINANT', ($1::text[])[1 + (g / 3) % array_length($1::text[], 1)] || ' ' || ($2::text[])[1 + (g / 5) % array_length($2::text[], 1)]
       || ($3::text[])[1 + (g / 13) % array_length($3::text[], 1)], null from seed_case`,
    [FIRST_NAMES, SURNAME_STARTS, SURNAME_ENDS],
  );
  // The review now due (pending, or missed and not since met), and its escalation when missed.
  await pg.query(
    `insert into case_deadline (reference, deadline_id, kind, due_on, due_at, status, reason, planned_at, resolved_at, resolution)
     select reference, 'case-review-' || (review_count + 1), 'CASE_REVIEW', next_due_on, next_due_at, case when overdue then 'MISSED' else 'PENDING' end,
       risk_level || ' risk cases are reviewed every ' || cadence || ' days', next_due_at - cadence * interval '1 day',
       case when overdue then next_due_at end, case when overdue then 'not recorded by the due date' end
     from seed_case where next_due_on is not null
     union all
     select reference, 'review-escalation-1', 'REVIEW_ESCALATION', next_due_on + 7, next_due_at + interval '7 days', 'PENDING',
       'an overdue review goes to the head of service after 5 working days', next_due_at, null, null
     from seed_case where overdue`,
  );
  // Past reviews: met, and for one case in four the first was late (missed, then met by a later review).
  await pg.query(
    `insert into case_deadline (reference, deadline_id, kind, due_on, due_at, status, reason, planned_at, resolved_at, resolution)
     select reference, 'case-review-' || n, 'CASE_REVIEW', (opened_at + n * cadence * interval '1 day')::date,
       (opened_at + n * cadence * interval '1 day'), case when n = 1 and g % 4 = 1 then 'MISSED' else 'MET' end,
       coalesce(risk_level, 'STANDARD') || ' risk cases are reviewed every ' || cadence || ' days', opened_at + (n - 1) * cadence * interval '1 day',
       opened_at + n * cadence * interval '1 day', case when n = 1 and g % 4 = 1 then 'not recorded by the due date' else 'review recorded' end
     from seed_case, generate_series(1, 2) n where review_count >= 2 and risk_level is not null`,
  );
  await pg.query(
    `insert into case_timeline_entry (reference, seq, kind, at, actor, summary)
     select reference, 1, 'CASE_OPENED', opened_at, caseworker, 'Case opened' from seed_case
     union all
     select reference, 2, 'REVIEW_RECORDED', opened_at + cadence * interval '1 day', caseworker, 'Review recorded' from seed_case where review_count >= 1
     union all
     select reference, 3, 'FORUM_ESCALATED', opened_at + interval '20 days', 'jo.bennett', 'Escalated to ' || forum from seed_case where forum <> 'GENERAL_CASEWORK'
     union all
     select reference, 4, 'CASE_CLOSED', closed_at, caseworker, 'Case closed: ' || closure_reason from seed_case where stage = 'CLOSED'`,
  );
  // As the service's writer does with every save: whether the case's review is overdue.
  await pg.query(`update asb_case c set review_overdue = ${REVIEW_OVERDUE} where c.reference in (select reference from seed_case)`);
  await pg.query(`drop table seed_case`);
  // A database that has been in use for years has its statistics, and autovacuum has been by: freshly
  // loaded tables need both. A GIN index (the searches' words, trigrams and summaries) has its rows
  // loaded one by one waiting in a pending list, and its own statistics, until vacuum sees to them;
  // without those PostgreSQL misjudges it (search_word's trigram index: every word read).
  await pg.query(`vacuum analyze asb_case, case_deadline, case_timeline_entry, case_party, search_word`);
  return toAdd;
}
