import { openCaseFile, POLICY_VERSIONS, referralChannelOf, referralFaults } from '../../libs/domain/src';

describe('a case referred by a partner agency', () => {
  it('comes by the police referral channel from the police and the partner referral channel from anyone else', () => {
    expect(referralChannelOf('police')).toBe('POLICE_REFERRAL');
    expect(referralChannelOf('HOUSING')).toBe('PARTNER_REFERRAL');
  });

  it('names each field a referral may not carry: triage and allocation are the receiving team’s', () => {
    expect(referralFaults({ channel: 'POLICE_REFERRAL' }, 'POLICE')).toEqual([]);
    expect(referralFaults({ channel: 'ONLINE_REPORT', riskLevel: 'HIGH', riskAssessment: {}, caseworker: 'amira.khan' }, 'HOUSING').map((fault) => fault.field)).toEqual([
      'riskLevel',
      'riskAssessment',
      'caseworker',
      'channel',
    ]);
  });

  it('opens REPORTED, shared with the referring agency as a summary, and says who referred it', () => {
    const { file, timeline } = openCaseFile(
      'ASB-2026-000200',
      POLICY_VERSIONS[0]!,
      {
        type: 'ANTI_SOCIAL_BEHAVIOUR',
        category: 'COMMUNITY_DISRUPTION',
        channel: 'POLICE_REFERRAL',
        summary: 'Groups gathering at the bus shelter every evening.',
        team: 'north',
        location: { priorityNeighbourhood: false },
        openedBy: 'pc.lewis',
        referral: { agency: 'police' },
      },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(file.stage).toBe('REPORTED');
    expect(file.shares).toEqual([{ agency: 'POLICE', summaryOnly: true, reason: 'the agency referred the case and follows it', sharedBy: 'pc.lewis', at: '2026-12-01T10:00:00.000Z' }]);
    expect(timeline[0]).toMatchObject({ kind: 'CASE_OPENED', actor: 'pc.lewis', summary: 'Case opened: community disruption, risk not yet assessed, referred by Police' });
  });
});
