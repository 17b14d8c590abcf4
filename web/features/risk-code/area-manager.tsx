import { Alert, Button, Form, Input, List, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { type AreaKind, areaKinds, type LngLat, type MapArea, useAreas, useDeleteArea, useSaveArea } from './api.ts';

interface AreaForm {
  kind: AreaKind;
  name: string;
  streetCode?: string;
  outline: string;
}

/** Section staff: create, rename, re-outline (as JSON [[lng, lat], …]) and delete map areas. */
export function AreaManager({ streets, onClose }: { streets: { code: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation('risk-code');
  const areas = useAreas();
  const remove = useDeleteArea();
  const [editing, setEditing] = useState<MapArea | 'new' | null>(null);
  return (
    <Modal open title={t('areas.title')} onCancel={onClose} footer={null} width={720}>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 12 }}>
        {t('areas.new')}
      </Button>
      {remove.error ? <Alert type="error" title={problemMessage(remove.error)} /> : null}
      <List
        loading={areas.isFetching}
        dataSource={areas.data?.items}
        rowKey="id"
        renderItem={(area) => (
          <List.Item
            actions={[
              <Button key="edit" size="small" onClick={() => setEditing(area)}>
                {t('areas.edit')}
              </Button>,
              <Popconfirm key="delete" title={t('areas.confirmDelete')} onConfirm={() => remove.mutate(area.id)}>
                <Button size="small" danger>
                  {t('areas.delete')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space>
              {area.name}
              <Tag>{t(`areaKind.${area.kind}`)}</Tag>
              <span style={{ color: '#888' }}>{t('areas.points', { count: area.outline.length })}</span>
            </Space>
          </List.Item>
        )}
      />
      {editing ? <AreaEditor area={editing === 'new' ? null : editing} streets={streets} onClose={() => setEditing(null)} /> : null}
    </Modal>
  );
}

function AreaEditor({ area, streets, onClose }: { area: MapArea | null; streets: { code: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation('risk-code');
  const [form] = Form.useForm<AreaForm>();
  const save = useSaveArea();
  const [errors, setErrors] = useState<string[]>([]);
  const submit = (values: AreaForm) => {
    let outline: LngLat[];
    try {
      outline = JSON.parse(values.outline) as LngLat[];
    } catch {
      form.setFields([{ name: 'outline', errors: [t('areas.outlineJson')] }]);
      return;
    }
    save.mutate(
      { id: area?.id, kind: values.kind, name: values.name, streetCode: values.streetCode ?? null, outline },
      { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
    );
  };
  return (
    <Modal
      open
      title={area ? t('areas.edit') : t('areas.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: area?.kind ?? 'pedestrian_street',
          name: area?.name,
          streetCode: area?.streetCode ?? undefined,
          outline: area ? JSON.stringify(area.outline) : '',
        }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('areas.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('areas.kind')} rules={[{ required: true }]}>
          <Select options={areaKinds.map((kind) => ({ value: kind, label: t(`areaKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="streetCode" label={t('areas.street')}>
          <Select allowClear options={streets.map((street) => ({ value: street.code, label: street.name }))} />
        </Form.Item>
        <Form.Item name="outline" label={t('areas.outline')} extra={t('areas.outlineHint')} rules={[{ required: true }]}>
          <Input.TextArea rows={5} placeholder="[[121.564,29.8525],[121.566,29.8525],[121.566,29.8535],[121.564,29.8535]]" />
        </Form.Item>
        {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
      </Form>
    </Modal>
  );
}
