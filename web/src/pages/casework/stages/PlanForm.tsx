import { Button, Card, DatePicker, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RemoveButton } from './AssessmentForm';
import { dateField } from '../../../components/dateField';
import { h2 } from '../../../components/headings';
import { type Case, useStageMutation } from './shared';

interface Values {
  goals: Array<{ goal: string; measure?: string }>;
  tasks: Array<{ task: string; dueOn?: string }>;
  startOn: string;
  endOn: string;
}

const fieldset = { border: 0, padding: 0, margin: 0 };
const legend = { fontSize: 15, fontWeight: 600 };

/** 服务计划: goals (each with how it is measured), tasks (each with an optional due day) and the plan's Beijing dates. */
export default function PlanForm({ c }: { c: Case }) {
  const { t } = useTranslation('casework');
  const [form] = Form.useForm<Values>();
  const prev = c.plan ?? null;
  const submit = useStageMutation<Values>(c, (v) => must(api.POST('/api/v1/casework/cases/{id}/plan', {
    params: { path: { id: c.id } },
    body: {
      goals: (v.goals ?? []).map((g) => ({ goal: (g.goal ?? '').trim(), measure: g.measure?.trim() || undefined })),
      tasks: (v.tasks ?? []).map((x) => ({ task: (x.task ?? '').trim(), dueOn: x.dueOn || undefined })),
      startOn: v.startOn,
      endOn: v.endOn,
      version: c.version,
    },
  })), { form, done: t('stage.plan.sent') });
  const required = { required: true, whitespace: true, message: t('stage.required') };
  return (
    <Card title={h2(t('stage.plan.title'))} data-testid="plan-form">
      <ProblemAlert error={submit.error} />
      <Typography.Paragraph type="secondary">{t('stage.plan.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)}
        initialValues={{
          goals: prev?.goals.length ? prev.goals.map((g) => ({ goal: g.goal, measure: g.measure ?? undefined })) : [{ goal: '' }],
          tasks: (prev?.tasks ?? []).map((x) => ({ task: x.task, dueOn: x.dueOn ?? undefined })),
          startOn: prev?.startOn,
          endOn: prev?.endOn,
        }}>
        <fieldset style={fieldset}>
          <legend style={legend}>{t('stage.plan.goals')}</legend>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} data-testid="goal-row" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
                    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                      <Form.Item name={[f.name, 'goal']} label={t('stage.plan.goal', { n: i + 1 })} rules={[required]} style={{ flex: 1, minWidth: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                      </Form.Item>
                      <RemoveButton label={t('stage.plan.removeGoal', { n: i + 1 })} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                    </div>
                    <Form.Item name={[f.name, 'measure']} label={t('stage.plan.measure', { n: i + 1 })}>
                      <Input maxLength={500} placeholder={t('stage.plan.measurePlaceholder')} />
                    </Form.Item>
                  </div>
                ))}
                <Button type="dashed" block onClick={() => add({ goal: '' })} style={{ marginBottom: 16 }}>{t('stage.plan.addGoal')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <fieldset style={fieldset}>
          <legend style={legend}>{t('stage.plan.tasks')}</legend>
          <Form.List name="tasks">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} data-testid="task-row" style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
                    <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                      <Form.Item name={[f.name, 'task']} label={t('stage.plan.task', { n: i + 1 })} rules={[required]} style={{ flex: 1, minWidth: 0 }}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                      </Form.Item>
                      <RemoveButton label={t('stage.plan.removeTask', { n: i + 1 })} onClick={() => remove(f.name)} />
                    </div>
                    <Form.Item name={[f.name, 'dueOn']} label={t('stage.plan.dueOn', { n: i + 1 })} {...dateField}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </div>
                ))}
                <Button type="dashed" block onClick={() => add({ task: '' })} style={{ marginBottom: 16 }}>{t('stage.plan.addTask')}</Button>
              </>
            )}
          </Form.List>
        </fieldset>
        <Form.Item name="startOn" label={t('stage.plan.startOn')} rules={[{ required: true, message: t('stage.required') }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endOn" label={t('stage.plan.endOn')} rules={[{ required: true, message: t('stage.required') }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending}>{t('stage.plan.submit')}</Button>
      </Form>
    </Card>
  );
}

/** The submitted plan, read-only. */
export function PlanView({ p: plan }: { p: NonNullable<Case['plan']> }) {
  const { t } = useTranslation('casework');
  return (
    <Descriptions size="small" column={1} data-testid="plan-view">
      <Descriptions.Item label={t('stage.plan.period')}>{t('stage.plan.range', { from: plan.startOn, to: plan.endOn })}</Descriptions.Item>
      <Descriptions.Item label={t('stage.plan.goals')}>
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {plan.goals.map((g, i) => <li key={i}><Space direction="vertical" size={0}><span>{g.goal}</span>{g.measure && <Typography.Text type="secondary">{t('stage.plan.measuredBy', { measure: g.measure })}</Typography.Text>}</Space></li>)}
        </ul>
      </Descriptions.Item>
      <Descriptions.Item label={t('stage.plan.tasks')}>
        {plan.tasks.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {plan.tasks.map((x, i) => <li key={i}>{x.task}{x.dueOn && <Typography.Text type="secondary">{t('stage.plan.dueBy', { date: x.dueOn })}</Typography.Text>}</li>)}
          </ul>
        ) : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}
