import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Radio, Result, Spin, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import {
  type AnswerResult,
  answerResults,
  type CreateInspectionBody,
  chinaToday,
  foodSafetyKeys,
  type InspectionView,
  previewResult,
  recordUrl,
  useGrade,
  useInspectors,
  useRectifications,
  useTemplates,
} from './api.ts';
import { DynamicGradeTag, formatTenths, OutcomeTag } from './grade-tags.tsx';
import { readDraft, saveDraft, useInspectionOutbox } from './inspection-outbox.ts';
import { type InspectionPhoto, InspectionPhotos } from './inspection-photos.tsx';
import { SignaturePad } from './signature-pad.tsx';

interface FormValues {
  coInspectorId?: number;
  remarks?: string;
  deadline?: string;
  requirements?: string;
  inspectorSignature: string;
  operatorSignature?: string;
}

/** What the form keeps in this browser until the inspection is uploaded. */
interface Draft {
  answers: Record<number, AnswerResult | undefined>;
  isFlying: boolean;
  isRefused: boolean;
  closesOrder?: number;
  values: Partial<FormValues>;
  /** Downscaled JPEG data URLs and drawn signatures (PNG data URLs): they survive a reload with the draft. */
  photos?: InspectionPhoto[];
  inspectorInk?: string;
  operatorInk?: string;
}

const fileUrl = (inspectionId: number, fileId: number) => `/api/v1/food-inspections/${inspectionId}/files/${fileId}`;

const outboxColours = { idle: 'info', queued: 'warning', queuedInPage: 'error', uploading: 'info', uploaded: 'success' } as const;

const bigTouch = { minHeight: 44, lineHeight: '42px', flex: 1, textAlign: 'center', paddingInline: 2, whiteSpace: 'nowrap' } as const;

/** The field form, on a phone: co-inspector, the default checklist, the result on the spot, signatures. */
export function InspectPage() {
  const { t } = useTranslation('food-safety');
  const entityId = Number(useParams().entityId);
  const me = useMe().data;
  const grade = useGrade(entityId);
  const templates = useTemplates();
  const inspectors = useInspectors();
  const rectifications = useRectifications(entityId);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [answers, setAnswers] = useState<Record<number, AnswerResult | undefined>>({});
  const [isFlying, setFlying] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [isRefused, setRefused] = useState(false);
  const [closesOrder, setClosesOrder] = useState<number | undefined>();
  const [photos, setPhotos] = useState<InspectionPhoto[]>([]);
  const [inspectorInk, setInspectorInk] = useState<string | undefined>();
  const [operatorInk, setOperatorInk] = useState<string | undefined>();
  const [errors, setErrors] = useState<string[]>([]);
  const [isShowingUnanswered, setShowUnanswered] = useState(false);
  const [saved, setSaved] = useState<InspectionView | undefined>();
  const outbox = useInspectionOutbox(me?.id, entityId, {
    onSaved: (inspection) => {
      setSaved(inspection);
      void queryClient.invalidateQueries({ queryKey: foodSafetyKeys.all });
    },
    onRejected: (error) => setErrors(applyProblemToForm(form, error)),
  });
  const isReady = me !== undefined && !templates.isLoading;
  // The draft comes back once the form is on screen; until then nothing is written over it.
  const restored = useRef(false);
  useEffect(() => {
    if (!isReady || restored.current || me === undefined) return;
    restored.current = true;
    const draft = readDraft<Draft>(me.id, entityId);
    if (!draft) return;
    setAnswers(draft.answers);
    setFlying(draft.isFlying);
    setRefused(draft.isRefused);
    setClosesOrder(draft.closesOrder);
    setPhotos(draft.photos ?? []);
    setInspectorInk(draft.inspectorInk);
    setOperatorInk(draft.operatorInk);
    form.setFieldsValue(draft.values);
  }, [isReady, me, entityId, form]);
  const keepDraft = () => {
    if (!restored.current || me === undefined) return;
    const draft = { answers, isFlying, isRefused, closesOrder, values: form.getFieldsValue() } satisfies Draft;
    // Photos are large: when the browser's storage is full, the draft is kept without them rather than not at all.
    if (!saveDraft(me.id, entityId, { ...draft, photos, inspectorInk, operatorInk } satisfies Draft)) saveDraft(me.id, entityId, draft);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: keepDraft reads the same state; it runs when that state changes
  useEffect(keepDraft, [answers, isFlying, isRefused, closesOrder, photos, inspectorInk, operatorInk]);

  const template =
    templates.data?.items.find((item) => item.isDefault && item.isActive) ?? templates.data?.items.find((item) => item.isActive);
  const items = template?.items ?? [];
  const preview = useMemo(() => previewResult(items, answers), [items, answers]);
  const openOrders = (rectifications.data?.items ?? []).filter((order) => order.closedOn === null);
  const colleagues = (inspectors.data ?? []).filter((person) => person.id !== me?.id);
  const sameStation = colleagues.filter((person) => person.orgUnitName !== null && person.orgUnitName === me?.orgUnitName);
  const choices = showAll || sameStation.length === 0 ? colleagues : sameStation;
  const unanswered = items.filter((item) => answers[item.id] === undefined).length;

  if (saved) {
    return (
      <Result
        status={saved.outcome === 'compliant' ? 'success' : 'warning'}
        title={<span data-testid="saved-outcome">{t(`outcomes.${saved.outcome}`)}</span>}
        subTitle={
          <Flex vertical gap={4} align="center">
            <span>
              {t('inspect.score', { score: formatTenths(saved.scoreTenths) })}{' '}
              <DynamicGradeTag grade={saved.dynamicGrade} testId="saved-grade" />
            </span>
            {saved.rectification ? <span>{t('inspect.rectificationUntil', { date: saved.rectification.deadline })}</span> : null}
            <Flex wrap gap={8} justify="center">
              {(saved.files ?? []).map((file) => (
                <img
                  key={file.id}
                  src={fileUrl(saved.id, file.id)}
                  alt={t(`inspect.fileKinds.${file.kind}`)}
                  title={t(`inspect.fileKinds.${file.kind}`)}
                  data-testid={`saved-${file.kind}`}
                  style={{
                    width: file.kind === 'photo' ? 96 : 140,
                    height: file.kind === 'photo' ? 72 : 60,
                    objectFit: 'contain',
                    border: '1px solid #ddd',
                  }}
                />
              ))}
            </Flex>
          </Flex>
        }
        extra={
          <Flex vertical gap={8}>
            <a href={recordUrl(saved.id)} target="_blank" rel="noreferrer" data-testid="record-link">
              <Button type="primary" size="large" block>
                {t('inspect.record')}
              </Button>
            </a>
            <Link to={`/food-safety/shops/${entityId}`} data-testid="shop-link">
              <Button size="large" block>
                {t('inspect.toShop')}
              </Button>
            </Link>
          </Flex>
        }
      />
    );
  }

  const firstUnanswered = items.findIndex((item) => answers[item.id] === undefined);
  const scrollToFirstUnanswered = () =>
    document.querySelector(`[data-testid="item-${firstUnanswered}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  // Fields and checklist are checked together: every problem is marked, and the page goes to the first one on it.
  const handleFinishFailed = ({ errorFields }: { errorFields: { name: (string | number)[] }[] }) => {
    const hasUnanswered = !isFlying && unanswered > 0;
    setShowUnanswered(hasUnanswered);
    setErrors(hasUnanswered ? [t('inspect.unanswered', { count: unanswered })] : []);
    const first = errorFields[0]?.name;
    if (first && (first[0] === 'coInspectorId' || !hasUnanswered)) form.scrollToField(first, { block: 'center', behavior: 'smooth' });
    else if (hasUnanswered) scrollToFirstUnanswered();
  };
  const submit = (values: FormValues) => {
    setErrors([]);
    setShowUnanswered(false);
    if (!me) return;
    if (!values.coInspectorId) {
      setErrors([t('inspect.needCoInspector')]);
      form.scrollToField('coInspectorId', { block: 'center' });
      return;
    }
    if (!isFlying && unanswered > 0) {
      // Every unchecked item is marked; the page goes to the first one.
      setErrors([t('inspect.unanswered', { count: unanswered })]);
      setShowUnanswered(true);
      scrollToFirstUnanswered();
      return;
    }
    const body: CreateInspectionBody = {
      entityId,
      templateId: template?.id,
      kind: closesOrder ? 're-inspection' : isFlying ? 'flying' : 'routine',
      inspectorIds: [me.id, values.coInspectorId],
      answers: items.flatMap((item) => {
        const result = answers[item.id];
        return result ? [{ itemId: item.id, result }] : [];
      }),
      remarks: values.remarks || undefined,
      rectification:
        preview.needsRectification && values.deadline && values.requirements
          ? { deadline: values.deadline, requirements: values.requirements }
          : undefined,
      rectificationOrderId: closesOrder,
      inspectorSignature: values.inspectorSignature,
      operatorSignature: isRefused ? undefined : values.operatorSignature || undefined,
      operatorRefused: isRefused || undefined,
      photos: photos.length ? photos : undefined,
      inspectorSignatureImage: inspectorInk,
      operatorSignatureImage: isRefused ? undefined : operatorInk,
    };
    outbox.submit(body);
  };

  if (!isReady || !me) return <Spin />;
  return (
    <>
      <PageHeader title={t('inspect.title', { name: grade.data?.entityName ?? '' })} />
      {template ? null : <Alert type="error" title={t('inspect.noTemplate')} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={keepDraft}
        onFinishFailed={handleFinishFailed}
        initialValues={{ inspectorSignature: me.displayName }}
      >
        <Card size="small" title={t('inspect.inspectors')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph>{t('inspect.me', { name: me.displayName })}</Typography.Paragraph>
          <Form.Item
            name="coInspectorId"
            label={t('inspect.coInspector')}
            rules={[{ required: true, message: t('inspect.needCoInspector') }]}
          >
            <Radio.Group style={{ width: '100%' }}>
              <Flex vertical gap={8}>
                {choices.map((person) => (
                  <Radio key={person.id} value={person.id} data-testid={`co-inspector-${person.id}`} style={{ minHeight: 36 }}>
                    {person.displayName}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          {sameStation.length > 0 ? (
            <Checkbox checked={showAll} onChange={(event) => setShowAll(event.target.checked)}>
              {t('inspect.showAll')}
            </Checkbox>
          ) : null}
        </Card>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Flex vertical gap={8}>
            <Flex gap={8} align="center">
              <Switch id="flying" checked={isFlying} onChange={setFlying} data-testid="flying" aria-labelledby="flying-label" />
              <label id="flying-label" htmlFor="flying">
                {t('inspect.flying')}
              </label>
            </Flex>
            {openOrders.map((order) => (
              <Checkbox
                key={order.id}
                checked={closesOrder === order.id}
                onChange={(event) => setClosesOrder(event.target.checked ? order.id : undefined)}
              >
                {t('inspect.closesOrder', { date: order.deadline, requirements: order.requirements })}
              </Checkbox>
            ))}
          </Flex>
        </Card>
        <Card
          size="small"
          title={template?.name}
          style={{ marginBottom: 12 }}
          extra={
            <Button
              data-testid="all-pass"
              onClick={() => setAnswers((before) => Object.fromEntries(items.map((item) => [item.id, before[item.id] ?? 'pass'])))}
            >
              {t('inspect.allPass')}
            </Button>
          }
        >
          <Flex vertical gap={12}>
            {items.map((item, index) => (
              <div
                key={item.id}
                data-testid={`item-${index}`}
                aria-invalid={isShowingUnanswered && answers[item.id] === undefined ? true : undefined}
                style={
                  isShowingUnanswered && answers[item.id] === undefined
                    ? { outline: '2px solid #ff4d4f', outlineOffset: 4, borderRadius: 4 }
                    : undefined
                }
              >
                <div style={{ marginBottom: 4 }}>
                  {item.isKey ? <Tag color="red">{t('inspect.key')}</Tag> : null}
                  <Typography.Text type="secondary">{item.category}</Typography.Text> {index + 1}. {item.text}
                </div>
                <Radio.Group
                  value={answers[item.id]}
                  onChange={(event) => setAnswers((before) => ({ ...before, [item.id]: event.target.value as AnswerResult }))}
                  optionType="button"
                  buttonStyle="solid"
                  style={{ display: 'flex', width: '100%' }}
                >
                  {answerResults.map((result) => (
                    <Radio.Button key={result} value={result} style={bigTouch}>
                      <span data-testid={`item-${index}-${result}`}>{t(`answers.${result}`)}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
                {isShowingUnanswered && answers[item.id] === undefined ? (
                  <Typography.Text type="danger" data-testid={`item-${index}-unanswered`}>
                    {t('inspect.unansweredItem')}
                  </Typography.Text>
                ) : null}
              </div>
            ))}
          </Flex>
        </Card>
        <Card size="small" title={t('inspect.result')} style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center" wrap data-testid="preview-result">
            <OutcomeTag outcome={preview.outcome} testId="preview-outcome" />
            <DynamicGradeTag grade={preview.grade} />
            <span>{t('inspect.score', { score: formatTenths(preview.scoreTenths) })}</span>
            {unanswered > 0 ? <Typography.Text type="warning">{t('inspect.unanswered', { count: unanswered })}</Typography.Text> : null}
          </Flex>
          {preview.needsInvestigation ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="needs-investigation" title={t('inspect.investigation')} />
          ) : preview.needsRectification ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('inspect.rectificationNeeded')} />
          ) : null}
          {preview.needsRectification ? (
            <>
              <Form.Item name="deadline" label={t('inspect.deadline')} rules={[{ required: true }]} style={{ marginTop: 12 }}>
                <Input type="date" min={chinaToday()} />
              </Form.Item>
              <Form.Item name="requirements" label={t('inspect.requirements')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="remarks" label={t('inspect.remarks')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Card>
        <Card size="small" title={t('inspect.photos')} style={{ marginBottom: 12 }}>
          <InspectionPhotos photos={photos} items={items} onChange={setPhotos} />
        </Card>
        <Card size="small" title={t('inspect.signatures')} style={{ marginBottom: 12 }}>
          <Form.Item
            name="inspectorSignature"
            label={t('inspect.inspectorSignature')}
            rules={[{ required: true, message: t('inspect.needInspectorSignature') }]}
          >
            <Input size="large" placeholder={t('inspect.signatureName')} />
          </Form.Item>
          <Typography.Text type="secondary">{t('inspect.drawInspector')}</Typography.Text>
          <SignaturePad value={inspectorInk} onChange={setInspectorInk} testId="inspector-signature-pad" />
          <Checkbox checked={isRefused} onChange={(event) => setRefused(event.target.checked)} style={{ marginBottom: 12 }}>
            {t('inspect.refused')}
          </Checkbox>
          {isRefused ? null : (
            <Form.Item
              name="operatorSignature"
              label={t('inspect.operatorSignature')}
              rules={[{ required: true, message: t('inspect.needOperatorSignature') }]}
            >
              <Input size="large" data-testid="operator-signature" placeholder={t('inspect.signatureName')} />
            </Form.Item>
          )}
          {isRefused ? null : (
            <>
              <Typography.Text type="secondary">{t('inspect.drawOperator')}</Typography.Text>
              <SignaturePad value={operatorInk} onChange={setOperatorInk} testId="operator-signature-pad" />
            </>
          )}
        </Card>
        {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
        {outbox.state === 'idle' ? null : (
          <Alert
            type={outboxColours[outbox.state]}
            showIcon
            title={t(`inspect.outbox.${outbox.state}`)}
            style={{ marginBottom: 12 }}
            data-testid="outbox-state"
            data-state={outbox.state}
          />
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={outbox.state === 'uploading'}
          disabled={!template || outbox.state === 'queued' || outbox.state === 'queuedInPage'}
          data-testid="submit-inspection"
        >
          {t('inspect.submit')}
        </Button>
      </Form>
    </>
  );
}
