import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { CommunitySelect } from '../../components/CommunitySelect';
import { useServiceAreas } from '../../components/serviceAreas';

type Condition = Schemas['TrancheCondition'];
type PlanItem = Schemas['TranchePlanItem'];

/**
 * The release conditions the API knows (call-settings.ts checks the type, finance enforces the parameters), as the
 * choices a person picks from: a condition with a fixed parameter is one choice per value; the spending ratio has a
 * number of its own and is a separate field of the row.
 */
export const CONDITION_CHOICES = [
  'agreement_signed', 'evaluation_passed:midterm', 'evaluation_passed:final',
  'report_approved:monthly', 'report_approved:interim', 'report_approved:final',
] as const;

/** A tranche as the form holds it: conditions as choices, the spending ratio as a number. */
export interface TrancheRow { name: string; percent?: number; conditions: string[]; spendingPercent?: number | null }
export interface EligibilityValues { minGrade?: number | null; minYearsRegistered?: number | null; qualifiedServiceArea?: string | null; requireQualification?: boolean }

const choiceOf = (c: Condition): string | null => {
  if (c.type === 'agreement_signed') return c.type;
  if (c.type === 'evaluation_passed') return `${c.type}:${c.stage}`;
  if (c.type === 'report_approved') return `${c.type}:${c.kind}`;
  return null;
};

export function toTrancheRows(plan: PlanItem[]): TrancheRow[] {
  return plan.map((p) => ({
    name: p.name, percent: p.percent,
    conditions: p.conditions.map(choiceOf).filter((c): c is string => !!c),
    spendingPercent: p.conditions.find((c) => c.type === 'spending_ratio')?.minPercent ?? null,
  }));
}

/**
 * The rows back to the API's plan. A condition the page does not edit a parameter of (an evaluation's minimum score)
 * keeps it from the saved plan, so saving the page never drops what was set over the API.
 */
export function toTranchePlan(rows: TrancheRow[], saved: PlanItem[] = []): PlanItem[] {
  const kept = new Map<string, Condition>();
  for (const c of saved.flatMap((p) => p.conditions)) {
    const k = choiceOf(c);
    if (k && !kept.has(k)) kept.set(k, c);
  }
  return rows.map((r, i) => ({
    seq: i + 1,
    name: r.name,
    percent: r.percent as number,
    conditions: [
      ...(r.conditions ?? []).map((k): Condition => {
        const [type, param] = k.split(':');
        const fresh = type === 'evaluation_passed' ? { type, stage: param } : type === 'report_approved' ? { type, kind: param } : { type };
        return kept.get(k) ?? (fresh as Condition);
      }),
      ...(r.spendingPercent != null ? [{ type: 'spending_ratio' as const, minPercent: r.spendingPercent }] : []),
    ],
  }));
}

/** The rules an applicant must meet, without the ones left empty (the API takes absent, not null). */
export function toEligibility(e: EligibilityValues | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e ?? {})) if (v !== null && v !== undefined && v !== false && v !== '') out[k] = v;
  return out;
}

export function shareSum(rows: TrancheRow[] | undefined): number {
  return (rows ?? []).reduce((sum, r) => sum + (Number.isFinite(Number(r?.percent)) ? Number(r.percent) : 0), 0);
}

/**
 * Who may apply, which communities the call is for, and how the grant is paid out. The page checks what a field can
 * check; whether the shares add up is the server's to judge (its refusal lands on the plan), as finance relies on it.
 */
// No placeholders on these selects: antd draws them as faint text, which axe finds below contrast; the hint says
// that an empty rule does not limit.
export function CallConditions({ form }: { form: FormInstance }) {
  const { t } = useTranslation('calls');
  const areas = useServiceAreas();
  const rows = Form.useWatch('tranchePlan', form) as TrancheRow[] | undefined;
  const sum = shareSum(rows);
  const req = { required: true, message: t('form.required') };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('conditions.title')}</h2>} style={{ marginBottom: 16 }} data-testid="call-conditions">
      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('conditions.eligibility')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('conditions.eligibilityHint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name={['eligibility', 'minGrade']} label={t('conditions.minGrade')}>
            <Select allowClear options={[1, 2, 3, 4, 5].map((g) => ({ value: g, label: `${g}A` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['eligibility', 'minYearsRegistered']} label={t('conditions.minYearsRegistered')}>
            <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['eligibility', 'qualifiedServiceArea']} label={t('conditions.qualifiedServiceArea')}>
            <Select allowClear showSearch optionFilterProp="label" options={areas.options} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name={['eligibility', 'requireQualification']} label={t('conditions.requireQualification')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item name="communityIds" label={t('conditions.communities')} extra={t('conditions.communitiesHint')}>
        <CommunitySelect multiple />
      </Form.Item>

      <Typography.Title level={3} style={{ fontSize: 14 }}>{t('conditions.tranches')}</Typography.Title>
      <Form.List name="tranchePlan">
        {(list, { add, remove }, { errors }) => (
          <>
            {list.map((r, i) => (
              <Row gutter={8} key={r.key} align="bottom" data-testid="tranche">
                <Col xs={24} md={5}><Form.Item name={[r.name, 'name']} label={t('conditions.trancheName', { n: i + 1 })} rules={[req]}><Input maxLength={50} /></Form.Item></Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[r.name, 'percent']} label={t('conditions.tranchePercent', { n: i + 1 })} rules={[req]}>
                    <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[r.name, 'spendingPercent']} label={t('conditions.spendingPercent', { n: i + 1 })}>
                    <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[r.name, 'conditions']} label={t('conditions.trancheConditions', { n: i + 1 })}>
                    <Select mode="multiple" options={CONDITION_CHOICES.map((c) => ({ value: c, label: t(`condition.${c.replace(':', '_')}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={4}><Form.Item label=" "><Button onClick={() => remove(r.name)}>{t('conditions.removeTranche', { n: i + 1 })}</Button></Form.Item></Col>
              </Row>
            ))}
            <Alert role="status" data-testid="tranche-sum" type={sum === 100 ? 'success' : 'warning'} showIcon style={{ marginBottom: 8 }}
              message={t('conditions.shareSum', { sum })} />
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({ name: '', percent: undefined, conditions: [], spendingPercent: null })}>{t('conditions.addTranche')}</Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
