import { Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ToneTag, type Tone } from '../../../components/ToneTag';
import { chosen } from '../../../components/rules';
import { h2 } from '../../../components/headings';
import { type Case, useStageMutation } from './shared';

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_TONE: Record<string, Tone> = { low: 'info', medium: 'warn', high: 'bad', critical: 'bad' };

interface Values {
  needs: string[];
  risks: Array<{ description: string; level?: Level }>;
  strengths: string[];
  summary?: string;
}

const clean = (xs: string[] | undefined) => (xs ?? []).map((x) => (x ?? '').trim());

/** 预估: needs, risks (each with a level) and strengths as lists that grow and shrink; a returned one comes back filled in. */
export default function AssessmentForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const [form] = Form.useForm<Values>();
  const prev = c.assessment;
  const submit = useStageMutation<Values>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/assessment', {
    params: { path: { id: c.id } },
    body: {
      needs: clean(v.needs),
      risks: (v.risks ?? []).map((r) => ({ description: (r.description ?? '').trim(), level: r.level as Level })),
      strengths: clean(v.strengths),
      summary: v.summary?.trim() || undefined,
      version: c.version,
    },
  })), { form, done: t('stage.assessment.sent') });
  const required = { required: true, whitespace: true, message: t('stage.required') };
  return (
    <Card title={h2(t('stage.assessment.title'))} data-testid="assessment-form">
      <ProblemAlert error={submit.error} />
      <Typography.Paragraph type="secondary">{t('stage.assessment.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}
        initialValues={{
          needs: prev?.needs.length ? prev.needs : [''],
          risks: (prev?.risks ?? []).map((r) => ({ description: r.description, level: r.level as Level })),
          strengths: prev?.strengths ?? [],
          summary: prev?.summary ?? undefined,
        }}>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 15, fontWeight: 600 }}>{t('stage.assessment.needs')}</legend>
          <Form.List name="needs" rules={[{ validator: async (_, v: unknown[]) => { if (!v?.length) throw new Error(t('stage.assessment.needOne')); } }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <Form.Item name={f.name} label={t('stage.assessment.need', { n: i + 1 })} rules={[required]} style={{ flex: 1, minWidth: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                    </Form.Item>
                    <RemoveButton label={t('stage.assessment.removeNeed', { n: i + 1 })} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block onClick={() => add('')} style={{ marginBottom: 16 }}>{t('stage.assessment.addNeed')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 15, fontWeight: 600 }}>{t('stage.assessment.risks')}</legend>
          <Form.List name="risks">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} data-testid="risk-row" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
                    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                      <Form.Item name={[f.name, 'description']} label={t('stage.assessment.risk', { n: i + 1 })} rules={[required]} style={{ flex: 1, minWidth: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                      </Form.Item>
                      <RemoveButton label={t('stage.assessment.removeRisk', { n: i + 1 })} onClick={() => remove(f.name)} />
                    </div>
                    <Form.Item name={[f.name, 'level']} label={t('stage.assessment.riskLevel', { n: i + 1 })} rules={[chosen(t('stage.assessment.levelRequired'))]}>
                      <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap' }}
                        options={LEVELS.map((l) => ({ value: l, label: t(`stage.assessment.level.${l}`), style: { flex: '1 0 auto', textAlign: 'center' } }))} />
                    </Form.Item>
                  </div>
                ))}
                <Button type="dashed" block onClick={() => add({ description: '' })} style={{ marginBottom: 16 }}>{t('stage.assessment.addRisk')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 15, fontWeight: 600 }}>{t('stage.assessment.strengths')}</legend>
          <Form.List name="strengths">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <Form.Item name={f.name} label={t('stage.assessment.strength', { n: i + 1 })} rules={[required]} style={{ flex: 1, minWidth: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                    </Form.Item>
                    <RemoveButton label={t('stage.assessment.removeStrength', { n: i + 1 })} onClick={() => remove(f.name)} />
                  </div>
                ))}
                <Button type="dashed" block onClick={() => add('')} style={{ marginBottom: 16 }}>{t('stage.assessment.addStrength')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item name="summary" label={t('stage.assessment.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>{t('stage.assessment.submit')}</Button>
      </Form>
    </Card>
  );
}

/** A list entry's delete: a word, not an icon, so that it reads aloud and is big enough to tap. */
export function RemoveButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  const { t } = useTranslation('casework');
  return (
    <Button type="text" danger aria-label={label} onClick={onClick} disabled={disabled} style={{ marginTop: 30, minHeight: 32 }}>
      {t('stage.remove')}
    </Button>
  );
}

/** The submitted assessment, read-only. */
export function AssessmentView({ a }: { a: NonNullable<Case['assessment']> }) {
  const { t } = useTranslation('casework');
  const list = (xs: string[]) => (xs.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{xs.map((x, i) => <li key={i}>{x}</li>)}</ul> : '—');
  return (
    <Descriptions size="small" column={1} data-testid="assessment-view">
      <Descriptions.Item label={t('stage.assessment.needs')}>{list(a.needs)}</Descriptions.Item>
      <Descriptions.Item label={t('stage.assessment.risks')}>
        {a.risks.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {a.risks.map((r, i) => (
              <li key={i}><Space wrap size={4}><span>{r.description}</span><ToneTag tone={LEVEL_TONE[r.level] ?? 'info'}>{t(`stage.assessment.level.${r.level}`)}</ToneTag></Space></li>
            ))}
          </ul>
        ) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('stage.assessment.strengths')}>{list(a.strengths)}</Descriptions.Item>
      {a.summary && <Descriptions.Item label={t('stage.assessment.summaryLabel')}>{a.summary}</Descriptions.Item>}
    </Descriptions>
  );
}
