import { randomUUID } from 'node:crypto';
import type { GrantAwardedPayload } from '../calls/grant-awarded.event';
import { payloadProblems } from './project-creation.service';

function award(overrides: Partial<GrantAwardedPayload> = {}): GrantAwardedPayload {
  return {
    awardId: randomUUID(), callId: randomUUID(), callTitle: '创投', applicationId: randomUUID(), referenceNo: 'GY-2026-0001',
    organisationId: randomUUID(), projectTitle: '独居老人关爱行动', summary: '', amountFen: '10000000', coFundingFen: '0',
    communityIds: [], serviceAreas: [], budgetLines: [{ code: 'B01', name: '人员', amountFen: '10000000' }],
    indicators: [], tranchePlan: [{ seq: 1, name: '首期', percent: 100, conditions: [] }],
    milestones: [{ name: '需求调研', dueOn: '2026-09-30' }],
    startsOn: '2026-07-01', endsOn: '2027-06-30', officerUserId: randomUUID(),
    ...overrides,
  };
}

describe('payloadProblems (calls.grant_awarded → project)', () => {
  it('finds nothing wrong with a complete award', () => {
    expect(payloadProblems(award())).toEqual([]);
  });

  it('refuses a milestone on a day that does not exist, which the insert would refuse on every retry', () => {
    expect(payloadProblems(award({ milestones: [{ name: '需求调研', dueOn: '2026-09-31' }] }))).toEqual(['milestones.dueOn']);
  });

  it.each([
    [{ startsOn: '2026-02-30' }],
    [{ endsOn: '2027-06-31' }],
    [{ startsOn: '0000-01-01' }],
    [{ endsOn: '2027-06-30T00:00:00Z' }],
    [{ startsOn: '2027-07-01' }],
  ])('refuses the project period %p', (overrides) => {
    expect(payloadProblems(award(overrides))).toEqual(['dates']);
  });
});
