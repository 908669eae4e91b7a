import { District, TestApp, uniquePhone } from '../../support/test-app';

/**
 * The one place browser tests obtain an invitation's token. Today the invite response carries it; when invitations
 * travel only by e-mail, swap this for reading the test mail server — nothing else in the browser tests changes.
 */
export async function inviteAndGetToken(t: TestApp, district: District, roles: string[], name = '新成员'): Promise<{ phone: string; token: string }> {
  const phone = uniquePhone();
  const res = await district.admin.post('/api/v1/members/invitations', { name, phone, roles });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token: string | undefined = res.body.invitation?.token;
  if (!token) throw new Error('the invitation response no longer carries the token: read it from the test mail server here');
  void t;
  return { phone, token };
}
