import { Alert, Button, Card, Col, Form, Input, InputNumber, Result, Row, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';
import { useServiceAreas, type ServiceArea } from '../../components/serviceAreas';
import { ORG_TYPES, options, type OrgType } from '../../components/label';
import { useDistrict } from './district';

interface RegisterValues {
  name: string;
  creditCode: string;
  orgType: OrgType;
  registrationAuthority: string;
  registeredOn: string;
  legalRepresentative: string;
  address?: string;
  serviceAreas?: ServiceArea[];
  introduction?: string;
  contactPhone?: string;
  staffCount?: number;
  applicant: { name: string; phone: string; email?: string };
}

const blankToUndefined = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * Self-registration (社会组织自助登记): the facts on the registration certificate and the person who will run the
 * organisation's account. The record is a draft until the district verifies it; the applicant gets an invitation.
 */
export default function RegisterPage() {
  const { t, i18n } = useTranslation('portal');
  const areas = useServiceAreas();
  const en = i18n.language === 'en';
  const district = useDistrict();
  const [form] = Form.useForm<RegisterValues>();
  const register = useMutation({
    mutationFn: (v: RegisterValues) => must(api.POST('/api/v1/public/districts/{districtCode}/organisation-registrations', {
      params: { path: { districtCode: district.code } },
      body: {
        ...v,
        name: v.name.trim(),
        creditCode: v.creditCode.trim().toUpperCase(),
        address: blankToUndefined(v.address),
        introduction: blankToUndefined(v.introduction),
        contactPhone: blankToUndefined(v.contactPhone),
        applicant: { name: v.applicant.name, phone: v.applicant.phone.trim(), email: blankToUndefined(v.applicant.email) },
      },
    })),
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });

  if (register.data) {
    const r = register.data;
    return (
      <Card>
        <Result
          status="success"
          title={<h1 style={{ fontSize: 20 }}>{t('register.doneTitle', { name: r.name })}</h1>}
          subTitle={<span data-testid="registration-done">{t('register.invitationComing', { to: r.invitationSentTo })}</span>}
        >
          <Typography.Paragraph>{en ? r.message.en : r.message['zh-CN']}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('register.next')}</Typography.Paragraph>
        </Result>
      </Card>
    );
  }

  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('register.title', { district: district.name })}</h1>}>
      <Alert type="info" showIcon message={t('register.intro')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={register.error} />
      <Form form={form} layout="vertical" name="register" onFinish={(v) => register.mutate(v)} scrollToFirstError>
        <h2 style={{ fontSize: 16 }}>{t('register.organisation')}</h2>
        <Form.Item name="name" label={t('register.name')} rules={[{ required: true, message: t('register.required') }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={t('register.creditCode')} extra={t('register.creditCodeHint')} rules={[{ required: true, message: t('register.required') }]}>
              <Input autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {/* No client rule here: antd marks a required Select with an aria attribute axe rejects; the server refuses a missing type. */}
            <Form.Item name="orgType" label={t('register.orgType')}>
              <Select options={options(ORG_TYPES, i18n.language)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="registrationAuthority" label={t('register.authority')} rules={[{ required: true, message: t('register.required') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="registeredOn" label={t('register.registeredOn')} rules={[{ required: true, message: t('register.required') }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="legalRepresentative" label={t('register.legalRepresentative')} rules={[{ required: true, message: t('register.required') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="staffCount" label={t('register.staffCount')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('register.address')}>
          <Input autoComplete="street-address" />
        </Form.Item>
        <Form.Item name="serviceAreas" label={t('register.serviceAreas')}>
          <Select mode="multiple" options={areas.options} />
        </Form.Item>
        <Form.Item name="introduction" label={t('register.introduction')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('register.contactPhone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <h2 style={{ fontSize: 16 }}>{t('register.applicant')}</h2>
        <Typography.Paragraph type="secondary">{t('register.applicantHint')}</Typography.Paragraph>
        <Form.Item name={['applicant', 'name']} label={t('register.applicantName')} rules={[{ required: true, message: t('register.required') }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name={['applicant', 'phone']} label={t('register.applicantPhone')} rules={[{ required: true, message: t('register.required') }]}>
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name={['applicant', 'email']} label={t('register.applicantEmail')}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} block>{t('register.submit')}</Button>
      </Form>
    </Card>
  );
}
