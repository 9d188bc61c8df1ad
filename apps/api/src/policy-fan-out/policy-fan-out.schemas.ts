import { z } from 'zod';
import { DEADLINE_KINDS } from '../../../../libs/domain/src';
import { plainText } from '../http/request-fields';

export const FanOutRequest = z
  .strictObject({ reason: plainText(4000, 1).describe('Why the open cases move: each case’s timeline records it with the move.') })
  .meta({ id: 'PolicyFanOutRequest', examples: [{ reason: 'The Crime and Policing Act 2026 raises the maximum fixed penalty to £500 from its commencement.' }] });

const DeadlineMoveView = z.strictObject({
  kind: z.enum(DEADLINE_KINDS),
  title: z.string(),
  from: z.iso.date().optional().describe('Due on this day now; absent when the move plans it anew.'),
  to: z.iso.date().optional().describe('Due on this day after the move; absent when the move ends it.'),
  subjectId: z.string().optional(),
  stepId: z.string().optional(),
});

export const FanOutPlanView = z
  .strictObject({
    policyVersionId: z.string(),
    commencesOn: z.iso.date().describe('No case moves before the start of this day in England.'),
    asOf: z.iso.date().describe('The day the plan is judged as of: the commencement, or today once it has come.'),
    cases: z.array(
      z.union([
        z.strictObject({ reference: z.string(), outcome: z.literal('WOULD_MOVE'), moves: z.array(DeadlineMoveView).describe('The pending deadlines that would move; empty when none would.') }),
        z.strictObject({ reference: z.string(), outcome: z.literal('REFUSED'), refusal: z.strictObject({ condition: z.string(), message: z.string(), holdsFrom: z.string().optional() }) }),
      ]),
    ),
    restrictedNotListed: z.int().min(0).describe('Restricted cases (CSE, Prevent) the version also reaches, counted but not listed for an admin without the safeguarding role.'),
  })
  .meta({ id: 'PolicyFanOutPlan' });

export const FanOutProgressView = z
  .strictObject({
    status: z.enum(['WAITING_FOR_COMMENCEMENT', 'MOVING', 'DONE']),
    commencesOn: z.iso.date(),
    total: z.int().min(0),
    remaining: z.int().min(0),
    moved: z.array(z.string()).describe('Cases moved by this fan-out, each once.'),
    alreadyUnderIt: z.array(z.string()).describe('Cases found under the version already (moved by hand meanwhile).'),
    refused: z.array(z.strictObject({ reference: z.string(), reason: z.string() })).describe('Cases that refused the move (closed meanwhile), with why.'),
    restrictedNotListed: z.int().min(0).describe('Restricted cases (CSE, Prevent) among those, counted but not listed for an admin without the safeguarding role.'),
  })
  .meta({ id: 'PolicyFanOutProgress' });

export const PLAN_EXAMPLE: z.output<typeof FanOutPlanView> = {
  policyVersionId: '2027.1',
  commencesOn: '2027-01-01',
  asOf: '2027-01-01',
  cases: [
    { reference: 'ASB-2026-000123', outcome: 'WOULD_MOVE', moves: [{ kind: 'CASE_REVIEW', title: 'Case review', from: '2027-01-12', to: '2027-01-05' }] },
    { reference: 'ASB-2026-000124', outcome: 'WOULD_MOVE', moves: [] },
  ],
  restrictedNotListed: 0,
};

export const PROGRESS_EXAMPLE: z.output<typeof FanOutProgressView> = {
  status: 'MOVING',
  commencesOn: '2027-01-01',
  total: 200,
  remaining: 90,
  moved: ['ASB-2026-000123'],
  alreadyUnderIt: [],
  refused: [{ reference: 'ASB-2026-000131', reason: 'case ASB-2026-000131 is closure review' }],
  restrictedNotListed: 0,
};
