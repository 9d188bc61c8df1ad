import { ANONYMISED, anonymised, caseNotesOf, type CaseFile, localDate, noticesOfChange, witnessesOf } from '../../libs/domain/src';
import { change, DARREN, JORDAN, KYLE, MANAGER, MARGARET, openCase, refusalOf, run, step, withCpw } from './case-builder';

const AT = '2026-11-05T10:00:00Z';

function closed(): CaseFile {
  let file = run(openCase(), 'requestClosure', { reason: 'RESOLVED', explanationToComplainant: 'No further reports.' }, AT);
  file = run(file, 'decideClosure', { approve: true, reason: 'Resolved.' }, '2026-11-05T11:00:00Z', MANAGER);
  return file;
}

describe('adding a party', () => {
  it('adds a witness to a case carried from before witnesses existed, and records who was added', () => {
    const { witnesses: _none, ...carried } = openCase();
    const made = change(carried as CaseFile, 'addParty', { role: 'WITNESS', id: 'w1', name: 'Chris Moss', contact: '07700 900123' }, AT);
    expect(witnessesOf(made.file)).toEqual([{ id: 'w1', name: 'Chris Moss', contact: '07700 900123' }]);
    expect(made.timeline).toEqual([
      expect.objectContaining({ kind: 'PARTY_ADDED', summary: 'witness added: Chris Moss', data: { partyId: 'w1', role: 'WITNESS', new: { id: 'w1', name: 'Chris Moss', contact: '07700 900123' } } }),
    ]);
  });

  it('adds a complainant and a subject the ladder can then act on', () => {
    let file = run(openCase(), 'addParty', { role: 'COMPLAINANT', id: 'c2', name: 'Ann Ellis', vulnerable: false }, AT);
    file = run(file, 'addParty', { role: 'SUBJECT', id: 's9', name: 'Ray Cole', dateOfBirth: localDate('1990-01-01'), tenure: 'PRIVATE_RENTED' }, AT);
    expect(file.complainants.map((person) => person.id)).toEqual([MARGARET.id, 'c2']);
    expect(file.subjects.at(-1)).toEqual({ id: 's9', name: 'Ray Cole', dateOfBirth: '1990-01-01', tenure: 'PRIVATE_RENTED' });
    expect(refusalOf(file, 'recordEnforcementStep', { kind: 'VERBAL_WARNING', subjectId: 's9' }, AT)).toBeUndefined();
  });

  it('refuses an id another party already has, whatever their role, and a field the role does not have', () => {
    expect(refusalOf(openCase(), 'addParty', { role: 'WITNESS', id: DARREN.id, name: 'Chris Moss' }, AT)).toMatchObject({ condition: 'PARTY_ID_TAKEN' });
    expect(refusalOf(openCase(), 'addParty', { role: 'WITNESS', id: 'w1', name: 'Chris Moss', dateOfBirth: localDate('1990-01-01') }, AT)).toMatchObject({
      condition: 'FIELD_NOT_FOR_PARTY',
      message: 'a witness has no dateOfBirth: a witness has name, contact',
    });
  });

  it('gives a complainant and a subject added without the optional fields the defaults of opening', () => {
    let file = run(openCase(), 'addParty', { role: 'COMPLAINANT', id: 'c2', name: 'Ann Ellis' }, AT);
    file = run(file, 'addParty', { role: 'SUBJECT', id: 's9', name: 'Ray Cole' }, AT);
    expect(file.complainants.at(-1)).toEqual({ id: 'c2', name: 'Ann Ellis', vulnerable: false });
    expect(file.subjects.at(-1)).toEqual({ id: 's9', name: 'Ray Cole', tenure: 'UNKNOWN' });
  });

  it('refuses on a closed case until it is re-opened', () => {
    expect(refusalOf(closed(), 'addParty', { role: 'WITNESS', id: 'w1', name: 'Chris Moss' }, '2026-11-06T10:00:00Z')).toMatchObject({ condition: 'CASE_CLOSED' });
  });
});

describe('correcting a party', () => {
  it('keeps the old values beside the new in the timeline', () => {
    const made = change(openCase(), 'editParty', { partyId: MARGARET.id, name: 'Margaret Ellys', vulnerable: false }, AT);
    const sameVulnerability = change(openCase(), 'editParty', { partyId: MARGARET.id, name: 'Margaret Ellys', vulnerable: true }, AT);
    expect(sameVulnerability.timeline[0]!.data).toMatchObject({ old: { name: 'Margaret Ellis' }, new: { name: 'Margaret Ellys' } });
    expect(Object.keys(sameVulnerability.timeline[0]!.data!.old as object)).toEqual(['name']);
    expect(made.file.complainants[0]).toEqual({ id: MARGARET.id, name: 'Margaret Ellys', vulnerable: false });
    expect(made.timeline[0]).toMatchObject({ kind: 'PARTY_CORRECTED', data: { partyId: MARGARET.id, role: 'COMPLAINANT', old: { name: 'Margaret Ellis', vulnerable: true }, new: { name: 'Margaret Ellys', vulnerable: false } } });
  });

  it('refuses an unknown party, a field the role does not have, and a correction of nothing or to the same values', () => {
    const file = openCase();
    expect(refusalOf(file, 'editParty', { partyId: 'nobody', name: 'X' }, AT)).toMatchObject({ condition: 'UNKNOWN_PARTY' });
    expect(refusalOf(file, 'editParty', { partyId: MARGARET.id, tenure: 'MBC_TENANT' }, AT)).toMatchObject({ condition: 'FIELD_NOT_FOR_PARTY' });
    expect(refusalOf(file, 'editParty', { partyId: DARREN.id }, AT)).toMatchObject({ condition: 'NOTHING_TO_CORRECT' });
    expect(refusalOf(file, 'editParty', { partyId: DARREN.id, name: DARREN.name, tenure: DARREN.tenure }, AT)).toMatchObject({ condition: 'NOTHING_TO_CORRECT' });
  });

  it('corrects a witness’s contact', () => {
    const file = run(openCase(), 'addParty', { role: 'WITNESS', id: 'w1', name: 'Chris Moss' }, AT);
    const made = change(file, 'editParty', { partyId: 'w1', contact: 'chris@example.org' }, AT);
    expect(witnessesOf(made.file)).toEqual([{ id: 'w1', name: 'Chris Moss', contact: 'chris@example.org' }]);
    expect(made.timeline[0]!.data).toMatchObject({ old: { contact: null }, new: { contact: 'chris@example.org' } });
  });
});

describe('a subject’s date of birth corrected under steps already taken', () => {
  it('records the correction and flags for the manager a CPW served on someone now under 16', () => {
    const file = withCpw(openCase(), DARREN, '2026-11-03T10:00:00Z');
    const before = file;
    const made = change(file, 'editParty', { partyId: DARREN.id, dateOfBirth: localDate('2011-05-14') }, AT);
    expect(made.file.subjects.find((subject) => subject.id === DARREN.id)!.dateOfBirth).toBe('2011-05-14');
    expect(made.timeline.map((entry) => entry.kind)).toEqual(['PARTY_CORRECTED', 'AGE_CONFLICT_FLAGGED']);
    expect(made.timeline[1]!.data).toEqual({ partyId: DARREN.id, conflicts: [{ stepId: 'step-3', why: 'Community Protection Warning taken on 2026-11-03, when the subject was 15; the minimum age is 16' }] });
    expect(noticesOfChange(before, made, new Date(AT))).toEqual([
      expect.objectContaining({ kind: 'AGE_CONFLICT', audience: 'MANAGER', team: 'north', steps: ['Community Protection Warning taken on 2026-11-03, when the subject was 15; the minimum age is 16'] }),
    ]);
  });

  it('flags an adult-track injunction for someone now under 18', () => {
    const file = step(openCase(), { kind: 'CIVIL_INJUNCTION', subjectId: DARREN.id, skipReason: 'Threats with a knife' }, '2026-11-03T10:00:00Z');
    const made = change(file, 'editParty', { partyId: DARREN.id, dateOfBirth: localDate('2009-01-01') }, AT);
    expect(made.timeline[1]).toMatchObject({ kind: 'AGE_CONFLICT_FLAGGED', data: { conflicts: [{ stepId: 'step-1', why: expect.stringContaining('adult track on 2026-11-03, when the subject was 17') }] } });
  });

  it('flags nothing when the steps still stand, and nothing for a subject with no steps', () => {
    const file = withCpw(openCase(), JORDAN, '2026-11-03T10:00:00Z');
    expect(change(file, 'editParty', { partyId: JORDAN.id, dateOfBirth: localDate('2009-02-01') }, AT).timeline.map((entry) => entry.kind)).toEqual(['PARTY_CORRECTED']);
    expect(change(file, 'editParty', { partyId: KYLE.id, dateOfBirth: localDate('2012-03-10') }, AT).timeline.map((entry) => entry.kind)).toEqual(['PARTY_CORRECTED']);
  });
});

describe('correcting the category, summary and location', () => {
  it('keeps each old value in the timeline', () => {
    const file = openCase();
    expect(change(file, 'correctCategory', { category: 'HARASSMENT', reason: 'Wider dispute.' }, AT).timeline[0]).toMatchObject({
      kind: 'CATEGORY_CORRECTED',
      data: { old: 'NOISE_DISPUTE', new: 'HARASSMENT', reason: 'Wider dispute.' },
    });
    expect(change(file, 'correctSummary', { summary: 'Loud music from the flat below.', reason: 'Below, not above.' }, AT).timeline[0]!.data).toEqual({
      old: file.summary,
      new: 'Loud music from the flat below.',
      reason: 'Below, not above.',
    });
    const moved = change(file, 'correctLocation', { address: '16 Egerton Road, Melton Mowbray', reason: 'Mistyped.' }, AT);
    expect(moved.file.location).toEqual({ address: '16 Egerton Road, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: true });
    expect(moved.timeline[0]!.data).toEqual({ old: { address: '14 Egerton Road, Melton Mowbray' }, new: { address: '16 Egerton Road, Melton Mowbray' }, reason: 'Mistyped.' });
  });

  it('refuses a correction that changes nothing, and any on a closed case', () => {
    const file = openCase();
    expect(refusalOf(file, 'correctCategory', { category: 'NOISE_DISPUTE', reason: 'x' }, AT)).toMatchObject({ condition: 'NOTHING_TO_CORRECT' });
    expect(refusalOf(file, 'correctLocation', { ward: 'Egerton', reason: 'x' }, AT)).toMatchObject({ condition: 'NOTHING_TO_CORRECT' });
    expect(refusalOf(closed(), 'correctSummary', { summary: 'Something else entirely.', reason: 'x' }, '2026-11-06T10:00:00Z')).toMatchObject({ condition: 'CASE_CLOSED' });
  });
});

describe('transfer to another team', () => {
  it('moves the case, drops the old team’s caseworker, and tells both managers once each', () => {
    const file = openCase();
    const made = change(file, 'transferCase', { team: 'south', reason: 'Subject moved.' }, AT, MANAGER);
    expect(made.file.team).toBe('south');
    expect(made.file.caseworker).toBeUndefined();
    expect(made.timeline[0]!.data).toEqual({ old: { team: 'north', caseworker: 'amira.khan' }, new: { team: 'south', caseworker: null }, reason: 'Subject moved.' });
    const notices = noticesOfChange(file, made, new Date(AT));
    expect(notices.map((notice) => [notice.kind, notice.audience, notice.team])).toEqual([
      ['CASE_TRANSFERRED', 'MANAGER', 'north'],
      ['CASE_TRANSFERRED', 'MANAGER', 'south'],
    ]);
    expect(new Set(notices.map((notice) => notice.key)).size).toBe(2);
  });

  it('refuses a transfer to the team that has it', () => {
    expect(refusalOf(openCase(), 'transferCase', { team: 'north', reason: 'x' }, AT, MANAGER)).toMatchObject({ condition: 'SAME_TEAM' });
  });
});

describe('case notes and the contact log', () => {
  it('adds a note, also to a closed case', () => {
    const made = change(closed(), 'addCaseNote', { text: 'Pat rang to say thank you.' }, '2026-11-06T10:00:00Z');
    expect(caseNotesOf(made.file)).toEqual([{ id: 'note-1', text: 'Pat rang to say thank you.', recordedBy: 'amira.khan', recordedAt: '2026-11-06T10:00:00.000Z' }]);
    expect(made.timeline[0]).toMatchObject({ kind: 'CASE_NOTE_ADDED', data: { noteId: 'note-1' } });
  });

  it('logs a contact with a party, or with someone named', () => {
    let file = run(openCase(), 'recordContactLog', { method: 'PHONE', withPartyId: MARGARET.id, text: 'Music stopped after the warning.' }, AT);
    const made = change(file, 'recordContactLog', { method: 'LETTER', withName: 'Midland Homes (landlord)', text: 'Asked for the tenancy file.' }, AT);
    file = made.file;
    expect(caseNotesOf(file).map((note) => note.contact)).toEqual([
      { method: 'PHONE', withPartyId: MARGARET.id },
      { method: 'LETTER', withName: 'Midland Homes (landlord)' },
    ]);
    expect(made.timeline[0]).toMatchObject({ kind: 'CONTACT_LOGGED', summary: 'letter with Midland Homes (landlord): Asked for the tenancy file.' });
  });

  it('refuses an unknown party, and neither or both of a party and a name', () => {
    const file = openCase();
    expect(refusalOf(file, 'recordContactLog', { method: 'VISIT', withPartyId: 'nobody', text: 'x' }, AT)).toMatchObject({ condition: 'UNKNOWN_PARTY' });
    expect(refusalOf(file, 'recordContactLog', { method: 'VISIT', text: 'x' }, AT)).toMatchObject({ condition: 'CONTACT_PERSON_REQUIRED' });
    expect(refusalOf(file, 'recordContactLog', { method: 'VISIT', withPartyId: MARGARET.id, withName: 'Pat', text: 'x' }, AT)).toMatchObject({ condition: 'CONTACT_PERSON_REQUIRED' });
  });
});

describe('at the end of retention', () => {
  it('anonymises witnesses, notes and the people named in the contact log', () => {
    let file = run(openCase(), 'addParty', { role: 'WITNESS', id: 'w1', name: 'Chris Moss', contact: '07700 900123' }, AT);
    file = run(file, 'recordContactLog', { method: 'LETTER', withName: 'Midland Homes', text: 'Asked for the tenancy file.' }, AT);
    const gone = anonymised(file);
    expect(witnessesOf(gone)).toEqual([{ id: 'w1', name: ANONYMISED }]);
    expect(caseNotesOf(gone)).toEqual([{ id: 'note-1', text: ANONYMISED, recordedBy: 'amira.khan', recordedAt: '2026-11-05T10:00:00.000Z', contact: { method: 'LETTER', withName: ANONYMISED } }]);
  });
});
