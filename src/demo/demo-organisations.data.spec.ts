import { checkCreditCode, creditCodeMatchesOrgType } from '@sanshe/common';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DEMO_DISTRICTS } from './demo-districts.data';
import { DEMO_ORGANISATIONS } from './demo-organisations.data';

describe('demo organisations', () => {
  it.each(DEMO_ORGANISATIONS.map((o) => [o.name, o.district, o]))('%s (%s) has a credit code that passes GB 32100-2015 for its type', (_n, _d, o) => {
    const checked = checkCreditCode(o.creditCode);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(creditCodeMatchesOrgType(checked, o.orgType).ok).toBe(true);
  });

  it('sit in communities that exist in their district, and link accounts that hold organisation roles there', () => {
    for (const o of DEMO_ORGANISATIONS) {
      const district = DEMO_DISTRICTS.find((d) => d.code === o.district)!;
      expect(district).toBeDefined();
      if (o.community) expect(district.streets.flatMap((s) => s.communities.map((c) => c.name))).toContain(o.community);
      for (const phone of o.accounts) {
        const account = DEMO_ACCOUNTS.find((a) => a.phone === phone)!;
        expect(account.memberships.some((m) => m.district === o.district)).toBe(true);
      }
    }
  });

  it('register each code once per district', () => {
    const keys = DEMO_ORGANISATIONS.map((o) => `${o.district}:${o.creditCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
