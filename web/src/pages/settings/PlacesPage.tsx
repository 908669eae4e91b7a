import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must, type Schemas } from '../../api/client';
import { ProblemAlert, showFieldErrors } from '../../components/ProblemAlert';
import { ProblemError } from '../../components/problem';

type Place = Schemas['PlacesTreeResponse'];
type ChildKind = 'street' | 'town' | 'township' | 'community' | 'village';
const UNDER_DISTRICT: ChildKind[] = ['street', 'town', 'township'];
const UNDER_STREET: ChildKind[] = ['community', 'village'];

type Editing = { mode: 'add'; parent: Place } | { mode: 'rename'; place: Place };

/** The district's streets and communities as one tree (区县 → 街道/乡镇 → 社区/村). */
export default function PlacesPage() {
  const { t } = useTranslation('settings');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useQuery({ queryKey: ['places', 'tree'], queryFn: () => must(api.GET('/api/v1/places/tree')) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['places'] });
  const archive = useMutation({
    mutationFn: (p: Place) => must(api.POST('/api/v1/places/{id}/archive', { params: { path: { id: p.id } }, body: { version: p.version } })),
    onSuccess: () => { void message.success(t('places.archived')); void refresh(); },
  });

  const kindLabel = (kind: string) => t(`places.kind.${kind}`, { defaultValue: kind });
  const toNode = (p: Place): DataNode => ({
    key: p.id,
    title: (
      <Space wrap size={4} data-testid="place-node" data-name={p.name}>
        <Typography.Text strong={p.level !== 'community'}>{p.name}</Typography.Text>
        <Tag>{kindLabel(p.kind)}</Tag>
        {p.divisionCode && <Typography.Text type="secondary">{p.divisionCode}</Typography.Text>}
        {p.level === 'street' && (
          <Button size="small" type="link" autoInsertSpace={false} onClick={() => setEditing({ mode: 'add', parent: p })} aria-label={`${t('places.addCommunity')}: ${p.name}`}>
            {t('places.addCommunity')}
          </Button>
        )}
        {p.level !== 'district' && (
          <>
            <Button size="small" type="link" autoInsertSpace={false} onClick={() => setEditing({ mode: 'rename', place: p })} aria-label={`${t('places.rename')}: ${p.name}`}>
              {t('places.rename')}
            </Button>
            <Popconfirm title={t('places.archiveConfirm', { name: p.name })} okText={t('places.archive')} cancelText={t('cancel')} onConfirm={() => archive.mutate(p)}>
              <Button size="small" type="link" autoInsertSpace={false} aria-label={`${t('places.archive')}: ${p.name}`}>{t('places.archive')}</Button>
            </Popconfirm>
          </>
        )}
      </Space>
    ),
    children: p.children.map(toNode),
  });

  const root = tree.data;
  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('menu.places')}</h1>}
      extra={root && <Button type="primary" onClick={() => setEditing({ mode: 'add', parent: root })}>{t('places.addStreet')}</Button>}
    >
      <ProblemAlert error={tree.error ?? archive.error} />
      {tree.isPending && <Spin aria-label={t('common.loading')} />}
      {root && root.children.length === 0 && <Empty description={t('places.empty')} />}
      {root && (
        <Tree
          aria-label={t('menu.places')}
          treeData={[toNode(root)]}
          defaultExpandAll
          selectable={false}
          blockNode
          key={countNodes(root)}
        />
      )}
      {editing && <PlaceModal editing={editing} onClose={(done) => { setEditing(null); if (done) void refresh(); }} />}
    </Card>
  );
}

/** Re-mounting the tree when a place is added keeps every branch expanded, the new one included. */
function countNodes(p: Place): number {
  return 1 + p.children.reduce((n, c) => n + countNodes(c), 0);
}

interface PlaceValues { kind?: ChildKind; name: string; divisionCode?: string }

function PlaceModal({ editing, onClose }: { editing: Editing; onClose: (done: boolean) => void }) {
  const { t, i18n } = useTranslation('settings');
  const [form] = Form.useForm<PlaceValues>();
  const kinds = editing.mode === 'add' ? (editing.parent.level === 'district' ? UNDER_DISTRICT : UNDER_STREET) : [];
  const save = useMutation({
    mutationFn: (v: PlaceValues) => editing.mode === 'add'
      ? must(api.POST('/api/v1/places', { body: { parentId: editing.parent.id, kind: v.kind!, name: v.name, divisionCode: v.divisionCode || undefined } }))
      : must(api.PATCH('/api/v1/places/{id}', {
        params: { path: { id: editing.place.id } },
        body: { name: v.name, divisionCode: v.divisionCode || undefined, version: editing.place.version },
      })),
    onSuccess: () => onClose(true),
    onError: (err) => { if (err instanceof ProblemError) showFieldErrors(form, err.problem, i18n.language); },
  });
  const title = editing.mode === 'add'
    ? `${editing.parent.level === 'district' ? t('places.addStreet') : t('places.addCommunity')} · ${editing.parent.name}`
    : `${t('places.rename')} · ${editing.place.name}`;
  const initial: PlaceValues = editing.mode === 'add'
    ? { kind: kinds[0], name: '' }
    : { name: editing.place.name, divisionCode: editing.place.divisionCode ?? undefined };
  return (
    <Modal open title={title} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('save')} cancelText={t('cancel')}
      confirmLoading={save.isPending} destroyOnHidden>
      <ProblemAlert error={save.error} />
      <Form form={form} layout="vertical" name="place" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {editing.mode === 'add' && (
          <Form.Item name="kind" label={t('places.kindLabel')} rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`places.kind.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('places.name')} rules={[{ required: true, message: t('places.nameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('places.divisionCode')} extra={t('places.divisionCodeHint')}>
          <Input inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
