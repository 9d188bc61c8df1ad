import type { Response } from 'express';

/** A form rendered by hand (`response.render`) is part of the cases section: its menu item shows as current. */
export function inCasesSection(response: Response): void {
  response.locals.activeNav = 'cases';
}
