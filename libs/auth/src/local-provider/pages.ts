import escapeHtml from 'escape-html';
import type { StaffMember } from '../../../directory/src';
import { staffDescription } from './accounts';

/** The provider's pages; `apps/issuer` gives it the console's GOV.UK-styled ones. */
export interface ProviderPages {
  signIn(action: string, members: readonly StaffMember[], clientName: string): string;
  /** `form` is the provider's own (hidden) form, which both buttons submit. */
  signOut(form: string): string;
  signedOut(): string;
  error(message: string): string;
}

/**
 * The local identity provider's pages without any design system: plain, accessible HTML with no
 * script (the provider's Content-Security-Policy forbids inline script). It stands in for a
 * partnership's sign-in (Entra ID, say), which has its own pages.
 */
function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Local identity provider</title>
</head>
<body>
<header><p>Local identity provider (for development and tests only)</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

function signInPage(action: string, members: readonly StaffMember[], clientName: string): string {
  const people = members
    .map(
      (member) =>
        `<li><button type="submit" name="accountId" value="${escapeHtml(member.id)}">Sign in as ${escapeHtml(member.name)}</button> ${escapeHtml(staffDescription(member))}</li>`,
    )
    .join('\n');
  return page(
    'Sign in',
    `<h1>Sign in to ${escapeHtml(clientName)}</h1>
<p>Choose who you are. Each person has the role, team or agency the staff directory gives them.</p>
<form method="post" action="${escapeHtml(action)}">
<ul>
${people}
</ul>
</form>`,
  );
}

function signOutPage(form: string): string {
  return page(
    'Sign out',
    `<h1>Do you want to sign out?</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

function signedOutPage(): string {
  return page('Signed out', '<h1>You have signed out</h1>');
}

function errorPage(message: string): string {
  return page('Sorry, there is a problem', `<h1>Sorry, there is a problem</h1>\n<p>${escapeHtml(message)}</p>`);
}

export const PLAIN_PAGES: ProviderPages = { signIn: signInPage, signOut: signOutPage, signedOut: signedOutPage, error: errorPage };
