import { addDays, compareDates, type LocalDate } from '../calendar';
import { type Pspo, type PspoStatus, pspoStatusOn } from './pspo';
import type { PspoBreach } from './pspo-breach';

export interface PspoFigures {
  readonly pspoId: string;
  readonly title: string;
  readonly status: PspoStatus;
  readonly expiresOn: LocalDate;
  readonly breaches: number;
  readonly fixedPenalties: number;
  readonly fixedPenaltyPounds: number;
}

export interface PspoStatistics {
  readonly on: LocalDate;
  readonly inForce: number;
  /** Orders in force whose last day falls within the next `withinDays` days (today counted). */
  readonly expiringWithin: { readonly days: number; readonly pspoIds: readonly string[] };
  readonly breaches: number;
  readonly fixedPenalties: number;
  readonly fixedPenaltyPounds: number;
  /** Every order, in force or not, with its breaches and fixed penalties, in the order given. */
  readonly byPspo: readonly PspoFigures[];
}

/**
 * The figures over `pspos` and their `breaches` as they stand on `today`. A breach of an order not in
 * the list is not counted (it belongs to a list the caller did not ask about). Sums are in pence inside,
 * so that £0.10 + £0.20 is £0.30.
 */
export function pspoStatistics(pspos: readonly Pspo[], breaches: readonly PspoBreach[], today: LocalDate, withinDays: number): PspoStatistics {
  const lastDay = addDays(today, withinDays - 1);
  const byPspo = pspos.map((pspo): PspoFigures => {
    const own = breaches.filter((breach) => breach.pspoId === pspo.id);
    const penalties = own.flatMap((breach) => (breach.fixedPenalty ? [breach.fixedPenalty] : []));
    return {
      pspoId: pspo.id,
      title: pspo.title,
      status: pspoStatusOn(pspo, today),
      expiresOn: pspo.expiresOn,
      breaches: own.length,
      fixedPenalties: penalties.length,
      fixedPenaltyPounds: pounds(penalties.reduce((sum, penalty) => sum + pence(penalty.amountPounds), 0)),
    };
  });
  const inForce = pspos.filter((pspo) => pspoStatusOn(pspo, today) === 'IN_FORCE' && compareDates(pspo.madeOn, today) <= 0);
  return {
    on: today,
    inForce: inForce.length,
    expiringWithin: { days: withinDays, pspoIds: inForce.filter((pspo) => compareDates(pspo.expiresOn, lastDay) <= 0).map((pspo) => pspo.id) },
    breaches: byPspo.reduce((sum, figures) => sum + figures.breaches, 0),
    fixedPenalties: byPspo.reduce((sum, figures) => sum + figures.fixedPenalties, 0),
    fixedPenaltyPounds: pounds(byPspo.reduce((sum, figures) => sum + pence(figures.fixedPenaltyPounds), 0)),
    byPspo,
  };
}

const pence = (amountPounds: number): number => Math.round(amountPounds * 100);
const pounds = (amountPence: number): number => amountPence / 100;
