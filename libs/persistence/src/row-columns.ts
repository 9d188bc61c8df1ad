import { z } from 'zod';
import type { LocalDate } from '../../domain/src';
import { isoInstant } from './iso-instant';

/** A timestamptz column as the domain holds instants: the driver answers a Date or, through raw SQL, PostgreSQL's text. */
export const instantColumn = z.union([z.string(), z.date()]).transform(isoInstant);

/** A date column, read through `to_char(…, 'YYYY-MM-DD')` or a date-typed entity property. */
export const localDateColumn = z.iso.date().transform((date) => date as LocalDate);
