import { z } from 'zod';
import { PARTY_ROLES, TENURES } from '../../../../libs/domain/src';
import { dateOfBirth, plainText } from '../http/request-fields';

const partyId = plainText(64);
const personName = plainText(200);
const subjectDateOfBirth = dateOfBirth.describe('Decides the youth rules (under 18) and age limits (CPW 16+, injunction 10+).');
const witnessContact = plainText(500).describe('How to reach the witness, as they gave it.');

/** The people of a case as a request names them: at opening, added later, or corrected. */
export const SubjectBody = z
  .strictObject({
    id: partyId.describe('Your id for this subject within the case, used by enforcement steps (subjectId).'),
    name: personName,
    dateOfBirth: subjectDateOfBirth.optional(),
    tenure: z.enum(TENURES).default('UNKNOWN'),
  })
  .meta({ id: 'Subject', description: 'An alleged perpetrator.' });

export const ComplainantBody = z
  .strictObject({ id: partyId, name: personName, vulnerable: z.boolean().default(false) })
  .meta({ id: 'Complainant', description: 'A complainant or victim; initial contact and updates are owed to them.' });

export const WitnessBody = z
  .strictObject({ id: partyId.describe('Your id for this witness within the case.'), name: personName, contact: witnessContact.optional() })
  .meta({ id: 'Witness', description: 'Someone who saw or heard what happened; no contact duty is owed to them.' });

export const AddPartyBody = z
  .strictObject({
    role: z.enum(PARTY_ROLES),
    id: partyId.describe('Your id for this party within the case; new on the case.'),
    name: personName,
    vulnerable: z.boolean().optional().describe('Complainants only; false when omitted.'),
    dateOfBirth: subjectDateOfBirth.optional().describe('Subjects only.'),
    tenure: z.enum(TENURES).optional().describe('Subjects only; UNKNOWN when omitted.'),
    contact: witnessContact.optional().describe('Witnesses only.'),
  })
  .meta({ id: 'AddParty', description: 'A complainant, subject or witness added to the case; a field another role has is refused (409 FIELD_NOT_FOR_PARTY).' });

export const EditPartyBody = z
  .strictObject({
    name: personName.optional(),
    vulnerable: z.boolean().optional().describe('Complainants only.'),
    dateOfBirth: subjectDateOfBirth.optional().describe('Subjects only. A date under which a step already taken would not have been allowed is recorded, and flagged for the manager.'),
    tenure: z.enum(TENURES).optional().describe('Subjects only.'),
    contact: witnessContact.optional().describe('Witnesses only.'),
  })
  .meta({ id: 'EditParty', description: 'The fields to correct; the others stay. The old values are kept in the timeline.' });
