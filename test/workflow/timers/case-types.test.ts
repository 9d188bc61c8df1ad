import { addMonths, addWorkingDays, isoWeekday, type LocalDate, londonDateOf, londonTimeOn, workingDayOn } from '../../../libs/domain/src';
import { DAY_MS, HOUR_MS, RECIPIENT, timerWorld } from './timer-world';

/**
 * Each case type's own deadlines, met and missed, on the time-skipping server with the real numbers of
 * policy 2026.1 (which has no caseTypes group: the named defaults) and of the published guidance.
 */
describe('case types’ own deadlines, on the time-skipping server', () => {
  const world = timerWorld();
  const cases = () => world.cases;

  /** The next `weekday` (1 Monday … 7 Sunday) after today that is a working day where that matters. */
  const next = async (weekday: number): Promise<LocalDate> => {
    let day = await world.today();
    do day = londonDateOf(new Date(Date.parse(`${day}T12:00:00Z`) + DAY_MS));
    while (isoWeekday(day) !== weekday || (weekday <= 5 && workingDayOn(day) !== day));
    return day;
  };
  const pastInstant = async (hoursAgo: number) => new Date((await world.now()) - hoursAgo * HOUR_MS).toISOString();

  describe('hate crime: the victim contacted within 24 hours of the report (local policy)', () => {
    it('contacted in the last hour of the 24: met, and nobody is alerted', async () => {
      const reference = await world.open({ type: 'HATE_CRIME' });
      const opened = (await cases().file(reference)).openedAt;
      const due = await world.deadline(reference, 'VICTIM_CONTACT');
      expect(Date.parse(due.dueAt) - Date.parse(opened)).toBe(24 * HOUR_MS);
      expect((await world.ledger(reference)).map((entry) => entry.kind)).not.toContain('INITIAL_CONTACT');

      await world.sleepToJustBefore(due);
      const contacted = await cases().run(reference, 'recordVictimContact', { summary: 'Visited; the victim is staying with family.', protectedCharacteristics: ['RACE'], victimSupport: 'ACCEPTED' });
      expect(contacted.hateCrime?.protectedCharacteristics).toEqual(['RACE']);

      await world.sleepPast(due);
      expect(await world.deadline(reference, 'VICTIM_CONTACT', due.id)).toMatchObject({ status: 'MET', resolution: 'victim contacted by amira.khan' });
      await world.expectNoAlert(reference, 'VICTIM_CONTACT');
    });

    it('not contacted within 24 hours: missed, and the team manager is alerted once', async () => {
      const reference = await world.open({ type: 'HATE_CRIME' });
      const due = await world.deadline(reference, 'VICTIM_CONTACT');
      await world.sleepToJustBefore(due);
      expect((await world.deadline(reference, 'VICTIM_CONTACT')).status).toBe('PENDING');

      await world.sleepPast(due);
      const alert = await world.expectMissedWithOneAlert(reference, due.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
      expect(alert.text).toContain('within 24 hours');
    });
  });

  describe('missing child: a return home interview within 72 hours of return (DfE 2014); the third episode in 90 days goes to the MAG', () => {
    const openMissingChild = () => world.open({ type: 'MISSING_PERSON', category: 'OTHER', summary: 'Casey, 14, missing overnight from home again.', complainants: [], subjects: [] });
    const episode = async (reference: string) => cases().run(reference, 'recordMissingEpisode', { missingFrom: await pastInstant(3), returnedAt: await pastInstant(1) });

    it('offered in the last hour of the 72: met, and nobody is alerted', async () => {
      const reference = await openMissingChild();
      const recorded = await episode(reference);
      const due = await world.deadline(reference, 'RETURN_HOME_INTERVIEW');
      expect(Date.parse(due.dueAt) - Date.parse(recorded.missingEpisodes![0]!.returnedAt)).toBe(72 * HOUR_MS);

      await world.sleepToJustBefore(due);
      await cases().run(reference, 'recordReturnHomeInterview', { episodeId: 'episode-1', accepted: true, summary: 'Independent worker to see Casey after school.' });
      await world.sleepPast(due);
      expect((await world.deadline(reference, 'RETURN_HOME_INTERVIEW', due.id)).status).toBe('MET');
      await world.expectNoAlert(reference, 'RETURN_HOME_INTERVIEW');
    });

    it('not offered within 72 hours: missed, and the team manager is alerted once', async () => {
      const reference = await openMissingChild();
      await episode(reference);
      const due = await world.deadline(reference, 'RETURN_HOME_INTERVIEW');
      await world.sleepToJustBefore(due);
      expect((await world.deadline(reference, 'RETURN_HOME_INTERVIEW')).status).toBe('PENDING');
      await world.sleepPast(due);
      const alert = await world.expectMissedWithOneAlert(reference, due.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
    });

    it('the third episode 90 days after the first moves the case to the MAG', async () => {
      const reference = await openMissingChild();
      await episode(reference);
      await world.env.sleep(40 * DAY_MS);
      expect((await episode(reference)).forum).toBe('GENERAL_CASEWORK');
      await world.env.sleep(50 * DAY_MS);
      const third = await episode(reference);
      expect(third.forum).toBe('MAG');
      expect(third.forumHistory.at(-1)).toMatchObject({ from: 'GENERAL_CASEWORK', to: 'MAG', decidedBy: 'system' });
    });

    it('a third episode 91 days after the first does not', async () => {
      const reference = await openMissingChild();
      await episode(reference);
      await world.env.sleep(40 * DAY_MS);
      await episode(reference);
      await world.env.sleep(51 * DAY_MS);
      const third = await episode(reference);
      expect(third.missingEpisodes).toHaveLength(3);
      expect(third.forum).toBe('GENERAL_CASEWORK');
    });
  });

  describe('child sexual exploitation: a safeguarding referral the same working day (Working Together 2023)', () => {
    const openCse = () => world.open({ type: 'CHILD_SEXUAL_EXPLOITATION', category: 'OTHER', summary: 'School concerned about a pupil collected by older men.', complainants: [], subjects: [] });

    it('reported on a Friday afternoon and referred before the day ends: met', async () => {
      await world.sleepUntil(londonTimeOn(await next(5), 15).getTime());
      const reference = await openCse();
      const due = await world.deadline(reference, 'SAFEGUARDING_REFERRAL');
      expect(due.dueOn).toBe(await world.today());
      await world.env.sleep(2 * HOUR_MS);
      await cases().run(reference, 'recordSafeguardingReferral', { summary: 'Referred by phone to the front door.', socialCareReference: 'CSC-1' });
      await world.sleepPast(due);
      expect((await world.deadline(reference, 'SAFEGUARDING_REFERRAL', due.id)).status).toBe('MET');
      await world.expectNoAlert(reference, 'SAFEGUARDING_REFERRAL');
    });

    it('reported on a Friday afternoon and not referred: missed at the end of Friday, and the manager alerted', async () => {
      const friday = await next(5);
      await world.sleepUntil(londonTimeOn(friday, 15).getTime());
      const reference = await openCse();
      const due = await world.deadline(reference, 'SAFEGUARDING_REFERRAL');
      expect(due.dueOn).toBe(friday);
      await world.sleepPast(due);
      const alert = await world.expectMissedWithOneAlert(reference, due.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);
      expect((await world.deadline(reference, 'SAFEGUARDING_REFERRAL', due.id)).resolvedAt! < `${addWorkingDays(friday, 1)}`).toBe(true);
    });

    it('reported on a Saturday: due by the end of the next working day, and missed after it, not before', async () => {
      const saturday = await next(6);
      await world.sleepUntil(londonTimeOn(saturday, 10).getTime());
      const reference = await openCse();
      const due = await world.deadline(reference, 'SAFEGUARDING_REFERRAL');
      expect(due.dueOn).toBe(workingDayOn(saturday));
      await world.sleepToJustBefore(due);
      expect((await world.deadline(reference, 'SAFEGUARDING_REFERRAL')).status).toBe('PENDING');
      await world.expectNoAlert(reference, 'SAFEGUARDING_REFERRAL');
      await world.sleepPast(due);
      await world.expectMissedWithOneAlert(reference, due.id);
    });
  });

  describe('Prevent: the police gateway, then the Channel panel the local authority chairs', () => {
    it('gateway referral met; the panel due in 20 working days; an adopted case missed at the next panel alerts; an exit brings reviews at 6 and 12 months', async () => {
      await world.sleepUntil(londonTimeOn(await next(2), 10).getTime());
      const reference = await world.open({ type: 'PREVENT', category: 'OTHER', summary: 'Teacher reports a pupil sharing extremist material.', complainants: [], subjects: [] });
      const gateway = await world.deadline(reference, 'PREVENT_REFERRAL');
      expect(gateway.dueOn).toBe(await world.today());
      await cases().run(reference, 'recordPreventReferral', { summary: 'Referral form sent to the police gateway.' });
      const firstPanel = await world.deadline(reference, 'CHANNEL_PANEL');
      expect(firstPanel.dueOn).toBe(addWorkingDays(await world.today(), 20));
      await world.sleepPast(gateway);
      expect((await world.deadline(reference, 'PREVENT_REFERRAL', gateway.id)).status).toBe('MET');

      await world.sleepToJustBefore(firstPanel);
      await cases().run(reference, 'recordChannelPanel', { outcome: 'ADOPTED', summary: 'Mentor allocated.' });
      const secondPanel = await world.deadline(reference, 'CHANNEL_PANEL');
      expect(secondPanel.dueOn).toBe(addWorkingDays(firstPanel.dueOn, 20));
      await world.sleepPast(secondPanel);
      const alert = await world.expectMissedWithOneAlert(reference, secondPanel.id);
      expect(alert.to).toEqual([RECIPIENT.MANAGER]);

      const exited = await cases().run(reference, 'recordChannelPanel', { outcome: 'EXITED', summary: 'Support plan complete; no remaining concerns.' });
      const leftOn = londonDateOf(new Date(exited.prevent!.panels.at(-1)!.at));
      const reviews = (await world.ledger(reference)).filter((entry) => entry.kind === 'CHANNEL_EXIT_REVIEW');
      expect(reviews.map((entry) => entry.dueOn)).toEqual([addMonths(leftOn, 6), addMonths(leftOn, 12)]);
      await world.sleepToJustBefore(reviews[0]!);
      await cases().run(reference, 'recordChannelReview', { summary: 'No further concerns from school.' });
      await world.sleepPast(reviews[0]!);
      expect((await world.deadline(reference, 'CHANNEL_EXIT_REVIEW', reviews[0]!.id)).status).toBe('MET');
      await world.expectNoAlert(reference, 'CHANNEL_EXIT_REVIEW');
    });
  });

  describe('partner-led types: the lead agency’s first action (10 working days, local policy) and the reviews', () => {
    it('fire: fire and rescue’s action completed in time is met; the case is reviewed by its risk', async () => {
      const reference = await world.open({ type: 'FIRE', category: 'ARSON', summary: 'Repeated bin fires behind the flats.' });
      const action = await world.deadline(reference, 'PARTNER_ACTION');
      const opened = londonDateOf(new Date((await cases().file(reference)).openedAt));
      expect(action.dueOn).toBe(addWorkingDays(opened, 10));
      expect((await cases().file(reference)).partnerActions).toEqual([expect.objectContaining({ id: 'action-1', agency: 'FIRE_AND_RESCUE' })]);
      expect((await world.deadline(reference, 'CASE_REVIEW')).dueOn).toBe(londonDateOf(new Date(Date.parse(`${opened}T12:00:00Z`) + 28 * DAY_MS)));

      await world.sleepToJustBefore(action);
      await cases().run(reference, 'completePartnerAction', { actionId: 'action-1', outcome: 'Home fire safety visit done; bins moved away from the building.' });
      await world.sleepPast(action);
      expect((await world.deadline(reference, 'PARTNER_ACTION', action.id)).status).toBe('MET');
      await world.expectNoAlert(reference, 'PARTNER_ACTION');
    });

    it('crime: the police action not done in 10 working days is missed, and the police are alerted', async () => {
      const reference = await world.open({ type: 'CRIME', category: 'VEHICLE_CRIME', summary: 'Cars broken into on Egerton Road three nights running.' });
      const action = await world.deadline(reference, 'PARTNER_ACTION');
      await world.sleepPast(action);
      const alert = await world.expectMissedWithOneAlert(reference, action.id);
      expect(alert.to).toEqual([RECIPIENT.PARTNER_AGENCY]);
    });
  });
});
