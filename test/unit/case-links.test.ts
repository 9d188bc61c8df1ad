import { anonymised, type CaseFile, type LinkedCase, linkFromOtherSideRefusal, linksOf, summaryShareOf, WITHHELD } from '../../libs/domain/src';
import { CASEWORKER, change, MANAGER, openCase, REFERENCE, refusalOf, run } from './case-builder';

const AT = '2026-11-05T10:00:00Z';
const OTHER = 'ASB-2026-000098';

const linked = (): CaseFile => run(openCase(), 'linkCase', { linkedReference: OTHER, reason: 'SAME_SUBJECT', note: 'Darren Cole is the subject of both.' }, AT);

describe('linking a case to another', () => {
  it('holds the link on the case it was made on, with who, when and why, and says so in the timeline', () => {
    const made = change(openCase(), 'linkCase', { linkedReference: OTHER, reason: 'SAME_SUBJECT', note: 'Darren Cole is the subject of both.' }, AT);
    expect(linksOf(made.file)).toEqual([{ reference: OTHER, reason: 'SAME_SUBJECT', note: 'Darren Cole is the subject of both.', linkedBy: CASEWORKER, linkedAt: '2026-11-05T10:00:00.000Z' }]);
    expect(made.timeline).toEqual([
      expect.objectContaining({
        kind: 'CASE_LINKED',
        actor: CASEWORKER,
        summary: `Linked to ${OTHER}: same subject (Darren Cole is the subject of both.)`,
        data: { linkedReference: OTHER, reason: 'SAME_SUBJECT', note: 'Darren Cole is the subject of both.' },
      }),
    ]);
  });

  it('links a case carried from before links existed, and a closed one', () => {
    const { links: _none, ...carried } = openCase();
    expect(linksOf(run(carried as CaseFile, 'linkCase', { linkedReference: OTHER, reason: 'SAME_LOCATION' }, AT))).toEqual([
      { reference: OTHER, reason: 'SAME_LOCATION', linkedBy: CASEWORKER, linkedAt: '2026-11-05T10:00:00.000Z' },
    ]);
    let closed = run(openCase(), 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'No further reports.' }, AT);
    closed = run(closed, 'decideClosure', { approve: true, reason: 'Resolved.' }, '2026-11-05T11:00:00Z', MANAGER);
    expect(refusalOf(closed, 'linkCase', { linkedReference: OTHER, reason: 'POSSIBLE_DUPLICATE' }, '2026-11-06T10:00:00Z')).toBeUndefined();
  });

  it('refuses a link to the case itself, a second link to the same case, and any link on an anonymised case', () => {
    expect(refusalOf(openCase(), 'linkCase', { linkedReference: REFERENCE, reason: 'OTHER' }, AT)).toMatchObject({ condition: 'LINK_TO_SELF' });
    expect(refusalOf(linked(), 'linkCase', { linkedReference: OTHER, reason: 'SAME_LOCATION' }, AT)).toEqual({
      condition: 'ALREADY_LINKED',
      message: `case ${REFERENCE} is already linked to ${OTHER} (same subject)`,
    });
    expect(refusalOf(anonymised(openCase()), 'linkCase', { linkedReference: OTHER, reason: 'OTHER' }, AT)).toMatchObject({ condition: 'CASE_ANONYMISED' });
  });
});

describe('removing a link', () => {
  it('removes it with the reason, and keeps what it was in the timeline', () => {
    const made = change(linked(), 'unlinkCase', { linkedReference: OTHER, reason: 'A different Darren Cole.' }, '2026-11-06T10:00:00Z', MANAGER);
    expect(linksOf(made.file)).toEqual([]);
    expect(made.timeline).toEqual([
      expect.objectContaining({
        kind: 'CASE_UNLINKED',
        actor: MANAGER,
        summary: `Link to ${OTHER} removed: A different Darren Cole.`,
        data: {
          linkedReference: OTHER,
          reason: 'A different Darren Cole.',
          old: { reason: 'SAME_SUBJECT', note: 'Darren Cole is the subject of both.', linkedBy: CASEWORKER, linkedAt: '2026-11-05T10:00:00.000Z' },
        },
      }),
    ]);
  });

  it('refuses a link the case does not hold', () => {
    expect(refusalOf(openCase(), 'unlinkCase', { linkedReference: OTHER, reason: 'x' }, AT)).toEqual({ condition: 'NOT_LINKED', message: `case ${REFERENCE} holds no link to ${OTHER}` });
  });
});

describe('links held by the other case', () => {
  const from: LinkedCase = { direction: 'FROM', reference: OTHER, reason: 'SAME_COMPLAINANT', linkedBy: CASEWORKER, linkedAt: AT };

  it('refuses to link back a case that already links here, naming it', () => {
    expect(linkFromOtherSideRefusal(REFERENCE, { linkedReference: OTHER }, 'link', [from])).toEqual({ condition: 'ALREADY_LINKED', message: `case ${OTHER} already links to ${REFERENCE} (same complainant)` });
    expect(linkFromOtherSideRefusal(REFERENCE, { linkedReference: 'ASB-2026-000099' }, 'link', [from])).toBeUndefined();
  });

  it('refuses to remove here a link made on the other case, and says where to remove it', () => {
    expect(linkFromOtherSideRefusal(REFERENCE, { linkedReference: OTHER }, 'unlink', [from])).toEqual({
      condition: 'LINK_HELD_BY_OTHER_CASE',
      message: `the link between ${REFERENCE} and ${OTHER} was made on ${OTHER}: remove it there`,
    });
    // Made on both (two people at once): this case's own may be removed here.
    expect(linkFromOtherSideRefusal(REFERENCE, { linkedReference: OTHER }, 'unlink', [from, { ...from, direction: 'TO' }])).toBeUndefined();
  });
});

describe('what others see of a link', () => {
  it('withholds the note on a summary-only share, keeping which case and why', () => {
    const file = { ...openCase(), linkedCases: [{ ...linksOf(linked())[0]!, direction: 'TO' as const }, { direction: 'FROM' as const, reference: 'ASB-2026-000099', reason: 'OTHER' as const, linkedBy: MANAGER, linkedAt: AT }] };
    expect(summaryShareOf(file).linkedCases).toEqual([
      { direction: 'TO', reference: OTHER, reason: 'SAME_SUBJECT', note: WITHHELD, linkedBy: CASEWORKER, linkedAt: '2026-11-05T10:00:00.000Z' },
      { direction: 'FROM', reference: 'ASB-2026-000099', reason: 'OTHER', linkedBy: MANAGER, linkedAt: AT },
    ]);
  });

  it('loses the note when the case is anonymised, and keeps the link', () => {
    expect(linksOf(anonymised(linked()))).toEqual([{ reference: OTHER, reason: 'SAME_SUBJECT', linkedBy: CASEWORKER, linkedAt: '2026-11-05T10:00:00.000Z' }]);
  });
});
