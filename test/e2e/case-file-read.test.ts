import { type ApiClient, NORTH_OFFICER, type RunningService } from '../support/service';
import { type E2eWorld, startE2eWorld } from '../support/e2e-world';

const PERSONAL = ['Pat Lee', 'Jordan Reed', '1991-07-14', '14 Egerton View', 'Bass through the ceiling', 'Check the tenancy file', 'Music from the flat above', 'Dr Mehta', 'Asked about the night shifts'];

const REPORT = {
  type: 'ANTI_SOCIAL_BEHAVIOUR',
  category: 'NOISE_DISPUTE',
  channel: 'ONLINE_REPORT',
  summary: 'Music from the flat above most nights after midnight.',
  riskLevel: 'HIGH',
  team: 'north',
  caseworker: 'amira.khan',
  location: { address: '14 Egerton View, Melton Mowbray', ward: 'Egerton', priorityNeighbourhood: false },
  complainants: [{ id: 'c1', name: 'Pat Lee', vulnerable: true }],
  subjects: [{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }],
};

interface StepView {
  id: string;
  kind: string;
  complianceDueOn: string | null;
  complied: boolean | null;
  legalReferralId: string | null;
  windows: { deadlineId: string; kind: string; dueOn: string; status: string }[];
}

describe('the whole case file in one read: every part with its id and state, and a summary share that names no one', () => {
  let service: RunningService;
  let world: E2eWorld;
  let officer: ApiClient;
  let reference: string;

  beforeAll(async () => {
    world = await startE2eWorld('asb-cases-file-read');
    ({ service } = world);
    officer = await service.client(NORTH_OFFICER);
    const post = async (path: string, body: unknown) => {
      const response = await officer('POST', path, { body });
      expect(response.status).toBe(path === '/cases' ? 201 : 200);
      return response;
    };
    reference = (await post('/cases', REPORT)).body.reference;
    await post(`/cases/${reference}/enforcement-steps`, { kind: 'WRITTEN_WARNING', subjectId: 's1' });
    await post(`/cases/${reference}/enforcement-steps`, { kind: 'COMMUNITY_PROTECTION_WARNING', subjectId: 's1', conductConfirmed: true, skipReason: 'Music again the night after the warning.' });
    await post(`/cases/${reference}/incidents`, { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), description: 'Bass through the ceiling until 3am.', subjectIds: ['s1'] });
    const dueOn = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await post(`/cases/${reference}/partner-actions`, { agency: 'HOUSING', description: 'Check the tenancy file for earlier noise complaints.', dueOn });
    await post(`/cases/${reference}/enforcement-steps`, { kind: 'CIVIL_INJUNCTION', subjectId: 's1', skipReason: 'Threats made to the complainant at the door.' });
    await post(`/cases/${reference}/contact-log`, { method: 'PHONE', withName: 'Dr Mehta', text: 'Asked about the night shifts of the complainant.' });
  });

  afterAll(() => world?.stop());

  it('shows each party, incident, step, referral and partner action with its id and state, and the CPW’s compliance window', async () => {
    const { status, body } = await officer('GET', `/cases/${reference}`);
    expect(status).toBe(200);
    expect(body.complainants).toEqual([{ id: 'c1', name: 'Pat Lee', vulnerable: true }]);
    expect(body.subjects).toEqual([{ id: 's1', name: 'Jordan Reed', dateOfBirth: '1991-07-14', tenure: 'MBC_TENANT' }]);
    expect(body.incidents).toEqual([expect.objectContaining({ description: 'Bass through the ceiling until 3am.', subjectIds: ['s1'], reportedBy: 'amira.khan' })]);
    expect(body.incidents[0].id).toMatch(/\S/);

    const steps: StepView[] = body.enforcementSteps;
    expect(steps.map((step) => step.kind)).toEqual(['WRITTEN_WARNING', 'COMMUNITY_PROTECTION_WARNING', 'CIVIL_INJUNCTION']);
    expect(new Set(steps.map((step) => step.id)).size).toBe(3);
    const cpw = steps[1]!;
    const complianceWindow = cpw.windows.find((window) => window.kind === 'CPW_COMPLIANCE');
    expect(complianceWindow).toMatchObject({ dueOn: cpw.complianceDueOn, status: 'PENDING' });
    // The same deadline as the ledger holds, by id.
    expect(body.deadlines.find((deadline: { id: string }) => deadline.id === complianceWindow!.deadlineId)).toMatchObject({ kind: 'CPW_COMPLIANCE', dueOn: cpw.complianceDueOn });

    expect(body.legalReferrals).toEqual([expect.objectContaining({ stepId: steps[2]!.id, stepKind: 'CIVIL_INJUNCTION', subjectId: 's1', status: 'REFERRED', youth: false, hearing: null, order: null })]);
    expect(steps[2]!.legalReferralId).toBe(body.legalReferrals[0].id);
    expect(body.partnerActions).toEqual([
      expect.objectContaining({ agency: 'HOUSING', description: 'Check the tenancy file for earlier noise complaints.', completedAt: null, outcome: null }),
    ]);
    expect(body.partnerActions[0].id).toMatch(/\S/);
    expect(body.adultsAtRiskReferral).toBeNull();
    expect(body.caseReviews).toEqual([]);
    expect(body.notes).toEqual([
      expect.objectContaining({ text: 'Asked about the night shifts of the complainant.', recordedBy: 'amira.khan', contact: { method: 'PHONE', withPartyId: null, withName: 'Dr Mehta' } }),
    ]);
    expect(body.links).toEqual({ timeline: `/cases/${reference}/timeline`, deadlines: `/cases/${reference}/deadlines`, nextSteps: `/cases/${reference}/next-steps` });
  });

  it('takes a compliance check on the step id read from the case, and shows it checked', async () => {
    const before: StepView[] = (await officer('GET', `/cases/${reference}`)).body.enforcementSteps;
    const warning = before.find((step) => step.kind === 'WRITTEN_WARNING')!;
    expect(warning.windows).toEqual([expect.objectContaining({ kind: 'COMPLIANCE_CHECK', status: 'PENDING' })]);

    const checked = await officer('POST', `/cases/${reference}/enforcement-steps/${warning.id}/compliance-checks`, { body: { complied: false, notes: 'Music again two nights later.' } });
    expect(checked.status).toBe(200);
    const after = (checked.body.enforcementSteps as StepView[]).find((step) => step.id === warning.id)!;
    expect(after.complied).toBe(false);
    expect(after.windows).toEqual([expect.objectContaining({ kind: 'COMPLIANCE_CHECK', status: 'MET' })]);
  });

  it('shows a summary-only partner the parts without any name, date of birth, address or account, and a full-share partner all of them', async () => {
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'POLICE', summaryOnly: true, reason: 'Neighbourhood team to attend.' } });
    await officer('POST', `/cases/${reference}/shares`, { body: { agency: 'HOUSING', summaryOnly: false, reason: 'Landlord of the subject.' } });
    const police = await service.client({ sub: 'pc.lewis', roles: ['partner'], agency: 'police' });
    const housing = await service.client({ sub: 'h.officer', roles: ['partner'], agency: 'housing' });

    const summary = await police('GET', `/cases/${reference}`);
    expect(summary.status).toBe(200);
    const text = JSON.stringify(summary.body);
    for (const detail of PERSONAL) expect(text).not.toContain(detail);
    expect(summary.body.subjects).toEqual([{ id: 's1', name: '(withheld: shared as a summary only)', dateOfBirth: null, tenure: 'MBC_TENANT' }]);
    expect(summary.body.location.address).toBeNull();
    expect(summary.body.sharedWith).toEqual([]);
    // What was done, and when, stays: the partner can follow the case.
    expect(summary.body.enforcementSteps.map((step: StepView) => step.kind)).toEqual(['WRITTEN_WARNING', 'COMMUNITY_PROTECTION_WARNING', 'CIVIL_INJUNCTION']);
    expect(summary.body.incidents).toHaveLength(1);

    const full = await housing('GET', `/cases/${reference}`);
    expect(full.status).toBe(200);
    const fullText = JSON.stringify(full.body);
    for (const detail of PERSONAL) expect(fullText).toContain(detail);
  });
});
