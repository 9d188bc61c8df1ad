/** A timestamptz as the domain holds instants: the driver answers a Date or, through raw JSON, a string. */
export const isoInstant = (value: string | Date): string => new Date(value).toISOString();
