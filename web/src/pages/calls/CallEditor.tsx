import { Alert, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../api/client';
import { MoneyInput, moneyRules } from '../../components/MoneyInput';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { useServiceAreas } from '../../components/serviceAreas';
import { ProblemError } from '../../components/problem';
import { useCheckedValues } from '../../components/useCheckedValues';
import { QUESTION_TYPES, isoToLocalInput, localInputToIso, type Call } from './shared';
import { useRoles } from '../../app/session';
import { CallConditions, toEligibility, toTranchePlan, toTrancheRows, type EligibilityValues, type TrancheRow } from './CallConditions';
import { chosen } from '../../components/rules';

interface Question { key: string; label: string; type: string; required?: boolean; options?: string[]; multiple?: boolean }
interface Section { key: string; title: string; questions: Question[] }
interface Criterion { code: string; name: string; weight?: number; description?: string }

/** What the form holds: the API's draft with dates as Beijing wall-clock text for the native date inputs. */
interface Values {
  title: string; theme: string; description: string;
  fundPoolFen: string; minAmountFen: string; maxAmountFen: string; coFundingPercent: number;
  serviceAreas: string[]; reviewersPerApplication: number; blindReview: boolean; normaliseScores: boolean;
  minScoreToFund?: number; applicationsPerOrganisation?: number; noticeWorkingDays: number;
  projectStartsOn: string; projectEndsOn: string; opensAt: string; closesAt: string; reviewBy: string; noticeOn: string; awardBy: string;
  sections: Section[];
  criteria: Criterion[]; scoreMin: number; scoreMax: number;
  eligibility: EligibilityValues; communityIds: string[]; tranchePlan: TrancheRow[];
}

const NEW_CALL: Partial<Values> = {
  coFundingPercent: 0, serviceAreas: [], reviewersPerApplication: 3, blindReview: true, normaliseScores: false, noticeWorkingDays: 5,
  sections: [{ key: 'basics', title: '项目基本情况', questions: [{ key: 'need', label: '需求分析', type: 'long_text', required: true }] }],
  criteria: [{ code: 'need', name: '需求精准', weight: 40 }, { code: 'design', name: '方案设计', weight: 30 }, { code: 'budget', name: '预算合理', weight: 30 }],
  scoreMin: 0, scoreMax: 10,
  // The plan the server gives a call that names none (call-settings.ts DEFAULT_TRANCHE_PLAN), shown so it can be changed.
  eligibility: {}, communityIds: [],
  tranchePlan: [
    { name: '签约首拨', percent: 50, conditions: ['agreement_signed'], spendingPercent: null },
    { name: '中期拨付', percent: 30, conditions: ['evaluation_passed:midterm'], spendingPercent: null },
    { name: '结项尾款', percent: 20, conditions: ['evaluation_passed:final'], spendingPercent: null },
  ],
};

function toValues(c: Call): Values {
  return {
    title: c.title, theme: c.theme, description: c.description,
    fundPoolFen: c.fundPoolFen, minAmountFen: c.minAmountFen, maxAmountFen: c.maxAmountFen, coFundingPercent: c.coFundingPercent,
    serviceAreas: c.serviceAreas, reviewersPerApplication: c.reviewersPerApplication, blindReview: c.blindReview,
    normaliseScores: c.normaliseScores, minScoreToFund: c.minScoreToFund, applicationsPerOrganisation: c.applicationsPerOrganisation,
    noticeWorkingDays: c.noticeWorkingDays, projectStartsOn: c.projectStartsOn, projectEndsOn: c.projectEndsOn,
    opensAt: isoToLocalInput(c.opensAt), closesAt: isoToLocalInput(c.closesAt), reviewBy: isoToLocalInput(c.reviewBy),
    noticeOn: c.noticeOn, awardBy: c.awardBy,
    sections: c.form.sections as Section[],
    criteria: c.rubric.criteria as Criterion[], scoreMin: c.rubric.scoreMin, scoreMax: c.rubric.scoreMax,
    eligibility: { ...c.eligibility }, communityIds: c.communityIds, tranchePlan: toTrancheRows(c.tranchePlan),
  };
}

function toBody(v: Values, saved?: Call) {
  const { sections, criteria, scoreMin, scoreMax, opensAt, closesAt, reviewBy, eligibility, communityIds, tranchePlan, ...rest } = v;
  return {
    ...rest,
    eligibility: toEligibility(eligibility), communityIds: communityIds ?? [], tranchePlan: toTranchePlan(tranchePlan ?? [], saved?.tranchePlan),
    opensAt: localInputToIso(opensAt)!, closesAt: localInputToIso(closesAt)!, reviewBy: localInputToIso(reviewBy)!,
    form: {
      sections: sections.map((s) => ({
        ...s,
        questions: (s.questions ?? []).map((q) => ({
          key: q.key, label: q.label, type: q.type, required: !!q.required,
          ...(q.type === 'choice' ? { options: q.options ?? [], multiple: !!q.multiple } : {}),
        })),
      })),
    },
    rubric: { scoreMin, scoreMax, criteria: criteria.map((c) => ({ ...c, weight: Number(c.weight) })) },
  };
}

export function weightSum(criteria: Criterion[] | undefined): number {
  return (criteria ?? []).reduce((sum, c) => sum + (Number.isFinite(Number(c?.weight)) ? Number(c.weight) : 0), 0);
}

/**
 * The call's settings, its application form (sections of questions) and its weighted rubric. Creates a draft, or
 * edits one; a district admin publishes from here. The server judges everything again and its word is shown.
 */
export function CallEditor({ call, onSaved }: { call?: Call; onSaved: (c: Call) => void }) {
  const { t, i18n } = useTranslation('calls');
  const areas = useServiceAreas();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const checked = useCheckedValues(form);
  const criteria = Form.useWatch('criteria', form);
  const sum = weightSum(criteria);
  const canPublish = useRoles().has('district_admin');

  const fail = (e: unknown) => {
    if (e instanceof ProblemError) showFieldErrors(form, e.problem, i18n.language);
  };
  const save = useMutation({
    mutationFn: async (v: Values): Promise<Call> => {
      const body = toBody(v, call);
      if (!call) return must(api.POST('/api/v1/calls', { body: body as never }));
      return must(api.PATCH('/api/v1/calls/{id}', { params: { path: { id: call.id } }, body: { ...body, version: call.version } as never }));
    },
    onSuccess: (c) => {
      qc.setQueryData(['call', c.id], c);
      void qc.invalidateQueries({ queryKey: ['calls'] });
      onSaved(c);
    },
    onError: fail,
  });
  // Publishing saves what is on the form first: the person publishes what they see, not an older saved draft.
  const publish = useMutation({
    mutationFn: async ({ c, v }: { c: Call; v: Values }) => {
      const saved = await must(api.PATCH('/api/v1/calls/{id}', { params: { path: { id: c.id } }, body: { ...toBody(v, c), version: c.version } as never }));
      qc.setQueryData(['call', saved.id], saved);
      return must(api.POST('/api/v1/calls/{id}/publish', { params: { path: { id: saved.id } }, body: { version: saved.version } }));
    },
    onSuccess: (c) => {
      qc.setQueryData(['call', c.id], c);
      void qc.invalidateQueries({ queryKey: ['calls'] });
      onSaved(c);
    },
    onError: fail,
  });
  const busy = save.isPending || publish.isPending;
  const yuanRules = moneyRules(t, { required: true });
  const req = { required: true, message: t('form.required') };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={call ? toValues(call) : NEW_CALL} scrollToFirstError onFinish={(v) => save.mutate(v)} data-testid="call-editor">
      <ProblemAlert error={save.error ?? publish.error} details />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('form.basics')}</h2>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="title" label={t('field.title')} rules={[req]}><Input maxLength={100} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="theme" label={t('field.theme')} rules={[req]}><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Form.Item name="description" label={t('field.description')} rules={[req]}><Input.TextArea rows={3} maxLength={10000} /></Form.Item>
        <Form.Item name="serviceAreas" label={t('field.serviceAreas')} rules={[chosen(t('form.required'))]}>
          <Select mode="multiple" options={areas.options} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item name="fundPoolFen" label={t('field.fundPool')} rules={yuanRules}><MoneyInput /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="minAmountFen" label={t('field.minAmount')} rules={yuanRules}><MoneyInput /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="maxAmountFen" label={t('field.maxAmount')} rules={yuanRules}><MoneyInput /></Form.Item></Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}><Form.Item name="coFundingPercent" label={t('field.coFundingPercent')} rules={[req]}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="applicationsPerOrganisation" label={t('field.applicationsPerOrganisation')}><InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="reviewersPerApplication" label={t('field.reviewersPerApplication')} rules={[req]}><InputNumber min={1} max={15} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="minScoreToFund" label={t('field.minScoreToFund')}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Row gutter={16}>
          <Col xs={12} md={6}><Form.Item name="blindReview" label={t('field.blindReview')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="normaliseScores" label={t('field.normaliseScores')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="noticeWorkingDays" label={t('field.noticeWorkingDays')} rules={[req]}><InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('form.dates')}</h2>} extra={<Typography.Text type="secondary">{t('form.beijingTime')}</Typography.Text>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {(['opensAt', 'closesAt', 'reviewBy'] as const).map((k) => (
            <Col xs={24} md={8} key={k}><Form.Item name={k} label={t(`field.${k}`)} rules={[req]}><Input type="datetime-local" /></Form.Item></Col>
          ))}
        </Row>
        <Row gutter={16}>
          {(['noticeOn', 'awardBy', 'projectStartsOn', 'projectEndsOn'] as const).map((k) => (
            <Col xs={24} md={6} key={k}><Form.Item name={k} label={t(`field.${k}`)} rules={[req]}><Input type="date" /></Form.Item></Col>
          ))}
        </Row>
      </Card>

      <CallConditions form={form} />

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('form.builder')}</h2>} style={{ marginBottom: 16 }} data-testid="form-builder">
        <Form.List name="sections">
          {(sections, { add: addSection, remove: removeSection }) => (
            <>
              {sections.map((section, si) => (
                <Card key={section.key} size="small" type="inner" style={{ marginBottom: 12 }} data-testid="form-section"
                  title={t('form.section', { n: si + 1 })}
                  extra={sections.length > 1 && <Button size="small" onClick={() => removeSection(section.name)}>{t('form.removeSection')}</Button>}>
                  <Row gutter={16}>
                    <Col xs={24} md={8}><Form.Item name={[section.name, 'key']} label={t('form.sectionKey')} rules={[req, { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('form.keyRule') }]}><Input /></Form.Item></Col>
                    <Col xs={24} md={16}><Form.Item name={[section.name, 'title']} label={t('form.sectionTitle')} rules={[req]}><Input maxLength={100} /></Form.Item></Col>
                  </Row>
                  <Form.List name={[section.name, 'questions']}>
                    {(questions, { add, remove, move }) => (
                      <>
                        {questions.map((q, qi) => (
                          <div key={q.key} data-testid="form-question" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
                            <Row gutter={8} align="bottom">
                              <Col xs={24} md={5}><Form.Item name={[q.name, 'key']} label={t('form.questionKey', { n: qi + 1 })} rules={[req, { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('form.keyRule') }]}><Input /></Form.Item></Col>
                              <Col xs={24} md={7}><Form.Item name={[q.name, 'label']} label={t('form.questionLabel', { n: qi + 1 })} rules={[req]}><Input maxLength={200} /></Form.Item></Col>
                              <Col xs={24} md={5}>
                                <Form.Item name={[q.name, 'type']} label={t('form.questionType', { n: qi + 1 })} rules={[chosen(t('form.required'))]}>
                                  <Select options={QUESTION_TYPES.map((ty) => ({ value: ty, label: t(`questionType.${ty}`) }))} />
                                </Form.Item>
                              </Col>
                              <Col xs={8} md={2}><Form.Item name={[q.name, 'required']} label={t('form.required_short')} valuePropName="checked"><Switch aria-label={t('form.questionRequired', { n: qi + 1 })} /></Form.Item></Col>
                              <Col xs={16} md={5}>
                                <Form.Item label={t('form.order')}>
                                  <Space.Compact>
                                    <Button disabled={qi === 0} onClick={() => move(qi, qi - 1)} aria-label={t('form.up', { n: qi + 1 })}>↑</Button>
                                    <Button disabled={qi === questions.length - 1} onClick={() => move(qi, qi + 1)} aria-label={t('form.down', { n: qi + 1 })}>↓</Button>
                                    <Button onClick={() => remove(q.name)}>{t('form.removeQuestion', { n: qi + 1 })}</Button>
                                  </Space.Compact>
                                </Form.Item>
                              </Col>
                            </Row>
                            <Form.Item noStyle shouldUpdate>
                              {() => form.getFieldValue(['sections', section.name, 'questions', q.name, 'type']) === 'choice' && (
                                <Row gutter={8}>
                                  <Col xs={24} md={18}>
                                    <Form.Item name={[q.name, 'options']} label={t('form.options', { n: qi + 1 })} rules={[chosen(t('form.required'))]}>
                                      <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
                                    </Form.Item>
                                  </Col>
                                  <Col xs={24} md={6}><Form.Item name={[q.name, 'multiple']} label={t('form.multiple')} valuePropName="checked"><Switch /></Form.Item></Col>
                                </Row>
                              )}
                            </Form.Item>
                          </div>
                        ))}
                        <Button onClick={() => add({ key: `q${questions.length + 1}`, label: '', type: 'text', required: false })}>{t('form.addQuestion')}</Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button onClick={() => addSection({ key: `section${sections.length + 1}`, title: '', questions: [] })}>{t('form.addSection')}</Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('form.rubric')}</h2>} style={{ marginBottom: 16 }} data-testid="rubric-editor">
        <Row gutter={16}>
          <Col xs={12} md={6}><Form.Item name="scoreMin" label={t('form.scoreMin')} rules={[req]}><InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="scoreMax" label={t('form.scoreMax')} rules={[req]}><InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.List name="criteria" rules={[{
          validator: async () => {
            const s = weightSum(form.getFieldValue('criteria'));
            if (s !== 100) throw new Error(t('form.weightsMustAddUp', { sum: s }));
          },
        }]}>
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.map((r, i) => (
                <Row gutter={8} key={r.key} align="bottom" data-testid="criterion">
                  <Col xs={24} md={5}><Form.Item name={[r.name, 'code']} label={t('form.criterionCode', { n: i + 1 })} rules={[req, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t('form.codeRule') }]}><Input /></Form.Item></Col>
                  <Col xs={24} md={9}><Form.Item name={[r.name, 'name']} label={t('form.criterionName', { n: i + 1 })} rules={[req]}><Input maxLength={100} /></Form.Item></Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[r.name, 'weight']} label={t('form.criterionWeight', { n: i + 1 })} rules={[req]}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} onChange={() => void form.validateFields(['criteria']).catch(() => undefined)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}><Form.Item label=" "><Button onClick={() => remove(r.name)}>{t('form.removeCriterion', { n: i + 1 })}</Button></Form.Item></Col>
                </Row>
              ))}
              <Alert role="status" data-testid="weight-sum" type={sum === 100 ? 'success' : 'warning'} showIcon style={{ marginBottom: 8 }}
                message={t('form.weightSum', { sum })} />
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({ code: `c${rows.length + 1}`, name: '', weight: undefined })}>{t('form.addCriterion')}</Button>
            </>
          )}
        </Form.List>
      </Card>

      <Divider />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={busy}>{t('form.saveDraft')}</Button>
        {call && canPublish && (
          <Button loading={publish.isPending} disabled={busy} onClick={() => void checked().then((v) => v && publish.mutate({ c: call, v }))}>{t('form.publish')}</Button>
        )}
        {call && !canPublish && <Typography.Text type="secondary">{t('form.adminPublishes')}</Typography.Text>}
      </Space>
    </Form>
  );
}
