import { District, TestApp, openDistrict, startTestApp } from '../support/test-app';

/** The portal header's source: a district's code and display name, for anyone, and 404 for a district that is not there. */
describe('GET /public/districts/:districtCode — the portal district', () => {
  let t: TestApp;
  let d: District;
  beforeAll(async () => {
    t = await startTestApp();
    d = await openDistrict(t);
  });
  afterAll(async () => { await t.close(); });

  it('answers the district\'s code and name without sign-in', async () => {
    const res = await t.http.get(`/api/v1/public/districts/${d.code}`).expect(200);
    expect(res.body).toEqual({ code: d.code, name: d.name });
  });

  it('an unknown district and a malformed code are 404 with a stable code, in both languages', async () => {
    // 990101: a well-formed six-digit code no district here uses.
    for (const code of ['990101', 'abc']) {
      const res = await t.http.get(`/api/v1/public/districts/${code}`).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(res.body.message['zh-CN']).toBeTruthy();
      expect(res.body.message.en).toBeTruthy();
    }
  });
});
