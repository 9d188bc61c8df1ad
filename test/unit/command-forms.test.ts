import { COMMAND_ROUTES } from '../../apps/api/src/cases/commands/command-routes';
import { COMMAND_FORMS } from '../../apps/web/src/commands/command-forms';

describe('the console’s forms', () => {
  it('cover every command of the catalogue: a command added to the API is not missing from the console', () => {
    expect(COMMAND_ROUTES.map((route) => route.command).filter((command) => COMMAND_FORMS[command] === undefined)).toEqual([]);
  });
});
