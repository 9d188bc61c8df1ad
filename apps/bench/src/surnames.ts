const STARTS = ['Ash', 'Brook', 'Carr', 'Dale', 'Ell', 'Fen', 'Gar', 'Hol', 'Ing', 'Kes'];
// Each begins with its own letter, so a string of them reads back one way only.
const ENDS = ['by', 'ton', 'well', 'ford', 'ley', 'more', 'nock', 'ham', 'den', 'gate'];

/**
 * The nth of an endless list of surnames, no two alike: n's decimal digits spelt as a start and
 * endings ("Ashby", "Brookby", … "Ashton", … "Ashbyton"). Opening a case whose complainant or subject
 * is named on an open case answers 409 POSSIBLE_DUPLICATE, so whatever opens many cases from one
 * template (the benchmark, the end-to-end tests) names each case's people with these.
 */
export function surnameOf(n: number): string {
  let name = STARTS[n % 10]!;
  for (let rest = Math.floor(n / 10); ; rest = Math.floor(rest / 10)) {
    name += ENDS[rest % 10]!;
    if (rest < 10) return name;
  }
}
