import { District, TestApp, receiveInvitation, uniquePhone } from '../../support/test-app';

/**
 * The one place browser tests obtain an invitation: as the invited person does, from the message the test mail
 * server received (the API never returns it) — the link exactly as written in it, and the token it carries.
 */
export async function inviteAndGetToken(t: TestApp, district: District, roles: string[], name = '新成员'): Promise<{ phone: string; token: string; link: string }> {
  const phone = uniquePhone();
  const res = await district.admin.post('/api/v1/members/invitations', { name, phone, roles });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { token, link } = await receiveInvitation(t, phone);
  return { phone, token, link };
}
