import { readMyCasesQuery } from '../../apps/web/src/my-cases/my-cases-query';
import { byNextDeadline, type CaseWithNextDeadline } from '../../apps/web/src/my-cases/next-deadline-order';

const item = (reference: string, overdue: boolean, dueAt?: string): CaseWithNextDeadline =>
  ({ reference, overdue, nextDeadline: dueAt ? { reference, deadlineId: 'd', kind: 'CASE_REVIEW', dueOn: dueAt.slice(0, 10), dueAt } : undefined }) as CaseWithNextDeadline;

describe('"Your cases" in a caseworker’s order', () => {
  it('puts overdue reviews first, then the earliest deadline, then cases with nothing due, the reference breaking ties', () => {
    const ordered = byNextDeadline([
      item('ASB-2026-000005', false),
      item('ASB-2026-000004', false, '2026-12-20T23:59:59Z'),
      item('ASB-2026-000003', true, '2026-12-30T23:59:59Z'),
      item('ASB-2026-000002', false, '2026-12-08T23:59:59Z'),
      item('ASB-2026-000001', false, '2026-12-20T23:59:59Z'),
    ]);
    expect(ordered.map((row) => row.reference)).toEqual(['ASB-2026-000003', 'ASB-2026-000002', 'ASB-2026-000001', 'ASB-2026-000004', 'ASB-2026-000005']);
  });

  it('reads the filter from the link, drops an option it does not know and says which, and treats an empty box as no filter', () => {
    expect(readMyCasesQuery({ q: '  ', stage: '', sort: 'newest' })).toEqual({ query: { show: 'mine', sort: 'newest' }, errors: [] });
    expect(readMyCasesQuery({ riskLevel: 'EXTREME', stage: 'ACTIVE' })).toEqual({
      query: { stage: 'ACTIVE', show: 'mine', sort: 'next-deadline' },
      errors: [{ field: 'riskLevel', text: 'Risk: choose one of the options given' }],
    });
  });
});
