// Progressive enhancement only: every page works without this script.
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj-frontend.min.js';

// The GOV.UK template marks the body with an inline script, which the console's Content-Security-Policy
// refuses (no inline script). A module script runs only where GOV.UK Frontend is supported, so it marks it.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initGovuk();
initMoj();
