import { addDays, shanghaiDay } from '@sanshe/common';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DEMO_APPLICATIONS, DEMO_CALL_TITLES, demoCallBody, finishedCallTimeline, openCallTimeline, screeningCallTimeline } from './demo-calls';

// Every day of a leap year and the turn of a year, at the two ends of a Shanghai day.
const DAYS = Array.from({ length: 367 }, (_, i) => addDays('2027-12-31', i));
const INSTANTS = DAYS.flatMap((d) => [new Date(`${d}T00:00:30+08:00`), new Date(`${d}T23:59:30+08:00`)]);

describe('demo call timelines', () => {
  it('the finished call has a project running today, started on the first of last month, with last month\'s report due within two weeks or past', () => {
    for (const now of INSTANTS) {
      const today = shanghaiDay(now);
      const t = finishedCallTimeline(now);
      expect(t.projectStartsOn.endsWith('-01')).toBe(true);
      expect(t.projectStartsOn < today && today <= t.projectEndsOn).toBe(true);
      // The monthly report of the project's first month is due on the 10th of the month after (project-schedule.ts).
      const firstReportDue = addDays(addDays(t.projectStartsOn, 40).slice(0, 8) + '01', 9);
      expect(firstReportDue <= addDays(today, 14)).toBe(true);
      expect(t.opensAt < t.closesAt && t.closesAt <= t.reviewBy).toBe(true);
      expect(shanghaiDay(t.reviewBy) < t.noticeOn && t.noticeOn < t.awardBy && t.awardBy < t.projectStartsOn).toBe(true);
    }
  });

  it('the screening call closed before now and is still under review after it; the open call accepts now', () => {
    for (const now of INSTANTS) {
      const s = screeningCallTimeline(now);
      expect(s.opensAt < s.closesAt && s.closesAt < now && now < s.reviewBy).toBe(true);
      expect(shanghaiDay(s.reviewBy) < s.noticeOn && s.noticeOn < s.awardBy && s.awardBy < s.projectStartsOn && s.projectStartsOn < s.projectEndsOn).toBe(true);
      const o = openCallTimeline(now);
      expect(o.opensAt < now && now < o.closesAt).toBe(true);
    }
  });

  it('each call is found again by the end of its title alone, whatever year it opened in', () => {
    const now = new Date('2027-02-01T02:00:00Z');
    const titles = (['open', 'screening', 'finished'] as const).map((k) => [k, demoCallBody(k, { open: openCallTimeline, screening: screeningCallTimeline, finished: finishedCallTimeline }[k](now)).title as string] as const);
    for (const [kind, title] of titles) {
      expect(title).toMatch(/^20\d\d年/);
      expect(titles.filter(([, other]) => other.endsWith(DEMO_CALL_TITLES[kind])).map(([k]) => k)).toEqual([kind]);
    }
    expect(titles.find(([k]) => k === 'finished')![1].startsWith('2026')).toBe(true);
  });

  it('applications come from demo organisation admins', () => {
    for (const a of Object.values(DEMO_APPLICATIONS).flat()) {
      const account = DEMO_ACCOUNTS.find((x) => x.phone === a.applicantPhone);
      expect(account?.memberships.some((m) => m.district === '510107' && m.roles.includes('org_admin' as never))).toBe(true);
    }
  });
});
