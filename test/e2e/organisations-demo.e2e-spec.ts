import { DemoSeeder } from '../../src/demo/demo-seeder';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import { TestApp, login, startTestApp } from '../support/test-app';

describe('demo organisations', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a demo seed registers verified, graded, qualified organisations in 武侯区 and links the demo organisation accounts; seeding again changes nothing', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seed();
    await seeder.seed();
    const officer = await login(t, '13800510102', DEMO_PASSWORD, '510107');
    const list = await officer.get('/api/v1/organisations').expect(200);
    expect(list.body.counts).toMatchObject({ verified: 4, submitted: 1 });
    for (const phone of ['13800510107', '13800510108', '13800510109', '13800510110']) {
      const s = await login(t, phone, DEMO_PASSWORD, '510107');
      const mine = await s.get('/api/v1/organisations/mine').expect(200);
      expect(mine.body).toMatchObject({ name: '成都市武侯区晋阳社会工作服务中心', status: 'verified', grade: { label: '4A' } });
    }
    const dir = await t.http.get('/api/v1/public/districts/510107/qualified-organisations').expect(200);
    expect(dir.body.items.length).toBeGreaterThanOrEqual(2);
    // 刘理事长's organisation also works in 上城区: a separate record there.
    const liu = await login(t, '13800510107', DEMO_PASSWORD, '330102');
    const there = await liu.get('/api/v1/organisations/mine').expect(200);
    expect(there.body).toMatchObject({ name: '成都市武侯区晋阳社会工作服务中心', status: 'verified' });
  });

  it('the demo seed publishes one open venture call in 武侯区, once, on the portal and to its organisations', async () => {
    const seeder = t.app.get(DemoSeeder);
    await seeder.seed();
    const portal = await t.http.get('/api/v1/public/districts/510107/calls').expect(200);
    const open = portal.body.items.filter((c: { title: string }) => c.title.endsWith('武侯区社区公益创投'));
    expect(open).toHaveLength(1);
    const orgAdmin = await login(t, '13800510107', DEMO_PASSWORD, '510107');
    const calls = await orgAdmin.get('/api/v1/calls').expect(200);
    expect(calls.body.items.find((c: { id: string }) => c.id === open[0].id)).toMatchObject({ status: 'published', acceptingApplications: true });
  });
});
