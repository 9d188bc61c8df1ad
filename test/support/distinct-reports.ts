import { surnameOf } from '../../apps/bench/src/surnames';

interface Person {
  readonly name: string;
}

interface Report {
  readonly complainants?: readonly Person[];
  readonly subjects?: readonly Person[];
  readonly location?: { readonly address?: string | null };
}

let people = 0;
let places = 0;

/** The person with their first name kept and a surname no one else in this test file was given. */
const renamed = (person: Person): Person => {
  const firstNames = person.name.trim().split(/\s+/).slice(0, -1).join(' ') || person.name.trim();
  return { ...person, name: `${firstNames} ${surnameOf(people++)}` };
};

/**
 * The same report about other people at another place: each complainant and subject gets a surname,
 * and the address (if it has one) a house number, that no earlier call in this test file gave.
 * Opening a case whose complainant, a subject or its address matches an open case answers 409
 * POSSIBLE_DUPLICATE, so a test that opens several cases from one fixture, and asserts nothing about
 * who or where, opens each through this. A counter, not chance, so that a failure reproduces.
 */
export function aboutOtherPeople<R extends object>(report: R): R {
  const { complainants, subjects, location }: Report = report;
  const address = location?.address;
  return {
    ...report,
    ...(complainants ? { complainants: complainants.map(renamed) } : {}),
    ...(subjects ? { subjects: subjects.map(renamed) } : {}),
    ...(address ? { location: { ...location, address: `${101 + places++} ${address.replace(/^\d+\w?\s+/, '')}` } } : {}),
  };
}
