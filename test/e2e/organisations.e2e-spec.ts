import { TestApp, openDistrict, startTestApp } from '../support/test-app';
import { createVerifiedOrganisation, organisationMember } from '../support/organisations';

describe('the social organisation registry', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('a district official registers an organisation, which is verified and seen by its own admin', async () => {
    const d = await openDistrict(t);
    const org = await createVerifiedOrganisation(t, d, { name: '武侯区晋阳社会工作服务中心' });
    const admin = await organisationMember(t, d, org.id);
    const mine = await admin.get('/api/v1/organisations/mine').expect(200);
    expect(mine.body).toMatchObject({ id: org.id, name: '武侯区晋阳社会工作服务中心', creditCode: org.creditCode, status: 'verified', standing: 'good' });
    expect(mine.body.documents.map((x: { kind: string }) => x.kind).sort()).toEqual(['charter', 'registration_certificate']);
  });
});
