import { Alert, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColourExplanationCard } from '../../components/colour-explanation.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { readAsDataUrl, type UploadBody, useRequestReinspection, useSubmitAppeal, useSubmitUpload } from './api.ts';

const photoKinds = ['licence', 'kitchen', 'dining-room'] as const;
const maxPhotoBytes = 500_000;

/** The operator appeals the grade an inspection gave, with the right to reply published beside it. */
export function AppealButton({ inspectionId }: { inspectionId: number }) {
  const { t } = useTranslation('food-safety');
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ grounds: string; operatorReply?: string }>();
  const submit = useSubmitAppeal();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('operator.appeal')}
      </Button>
      <Modal
        open={isOpen}
        title={t('operator.appeal')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={submit.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            submit.mutate(
              { inspectionId, grounds: values.grounds, operatorReply: values.operatorReply || undefined },
              { onSuccess: () => setOpen(false), onError: (error) => setErrors(applyProblemToForm(form, error)) },
            )
          }
        >
          <Form.Item name="grounds" label={t('operator.grounds')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="operatorReply" label={t('operator.reply')} extra={t('operator.replyHint')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
        </Form>
      </Modal>
    </>
  );
}

/** After rectifying, the operator asks for the re-inspection that closes the order. */
export function ReinspectionButton({ orderId }: { orderId: number }) {
  const { t } = useTranslation('food-safety');
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<{ statement: string }>();
  const submit = useRequestReinspection();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('operator.reinspection')}
      </Button>
      <Modal
        open={isOpen}
        title={t('operator.reinspection')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={submit.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            submit.mutate(
              { rectificationOrderId: orderId, statement: values.statement },
              { onSuccess: () => setOpen(false), onError: (error) => setErrors(applyProblemToForm(form, error)) },
            )
          }
        >
          <Form.Item name="statement" label={t('operator.statement')} rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
        </Form>
      </Modal>
    </>
  );
}

type UploadValues = Omit<UploadBody, 'entityId' | 'photos'>;

/** 店铺信息上传: a new version of the shop's information, reviewed by the station. */
export function UploadButton({ entityId }: { entityId: number }) {
  const { t } = useTranslation('food-safety');
  const [isOpen, setOpen] = useState(false);
  const [form] = Form.useForm<UploadValues>();
  const submit = useSubmitUpload();
  const [photos, setPhotos] = useState<Partial<Record<(typeof photoKinds)[number], string>>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const pick = async (kind: (typeof photoKinds)[number], file: File | undefined) => {
    if (!file) return;
    if (!['image/jpeg', 'image/png'].includes(file.type) || file.size > maxPhotoBytes) {
      setErrors([t('operator.photoRule')]);
      return;
    }
    const dataUrl = await readAsDataUrl(file);
    setPhotos((before) => ({ ...before, [kind]: dataUrl }));
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="submit-upload">
        {t('operator.upload')}
      </Button>
      <Modal
        open={isOpen}
        title={t('operator.upload')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={submit.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            submit.mutate(
              {
                ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== '')),
                name: values.name,
                address: values.address,
                entityId,
                photos: Object.entries(photos).map(([kind, dataUrl]) => ({
                  kind: kind as (typeof photoKinds)[number],
                  dataUrl: dataUrl as string,
                })),
              },
              { onSuccess: () => setOpen(false), onError: (error) => setErrors(applyProblemToForm(form, error)) },
            )
          }
        >
          <Form.Item name="name" label={t('upload.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('upload.address')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="licenceNumber" label={t('upload.licenceNumber')}>
            <Input />
          </Form.Item>
          <Form.Item name="openingHours" label={t('upload.openingHours')}>
            <Input />
          </Form.Item>
          <Form.Item name="seats" label={t('upload.seats')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="kitchenAreaM2" label={t('upload.kitchenArea')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="personInCharge" label={t('upload.personInCharge')}>
            <Input />
          </Form.Item>
          <Form.Item name="supplySources" label={t('upload.supplySources')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {photoKinds.map((kind) => (
            <Form.Item key={kind} label={t(`upload.photos.${kind}`)}>
              <input type="file" accept="image/jpeg,image/png" onChange={(event) => void pick(kind, event.target.files?.[0])} />
            </Form.Item>
          ))}
          {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} /> : null}
        </Form>
      </Modal>
    </>
  );
}

/** The shop's five-colour code with why it has that colour and what would change it (the operator sees their own). */
export function ShopColourCard({ entityId }: { entityId: number }) {
  return <ColourExplanationCard entityId={entityId} />;
}
