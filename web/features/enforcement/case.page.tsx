import { DeleteOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Select, Spin, Steps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { yuanPattern } from '../../../shared/money.ts';
import { OpenDeadlinesCard } from '../../components/deadline-tag.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StepDialog, useStepDialog, withoutBlanks } from '../../components/step-dialog.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { type CaseStage, type CaseView, caseStages, documentUrl, notFiledGrounds, penaltyKinds, useCase, useCaseStep } from './api.ts';
import { CaseDueTag, stageColors } from './case-labels.tsx';

type Dialog =
  | { kind: 'advance'; to: CaseStage }
  | { kind: 'penalties' }
  | { kind: 'publish' }
  | { kind: 'police' }
  | { kind: 'extend'; deadline: 'filing' | 'decision' };
interface DialogValues {
  on?: Dayjs;
  note?: string;
  decisionNumber?: string;
  legalBasis?: string;
  notFiledGround?: string;
  reason?: string;
  items?: { kind: string; amount: string; note?: string }[];
}

/** The stages of a case that is filed, in order (`not_filed` ends a lead instead). */
const ordinary = caseStages.filter((stage) => stage !== 'not_filed');

/** The case file: procedure steps with deadlines, penalties in exact yuan, documents as .docx. */
export function CasePage() {
  const { t } = useTranslation(['enforcement', 'shell']);
  const id = Number(useParams().id);
  const caseFile = useCase(id);
  const step = useCaseStep(id);
  const { form, dialog, errors, open: openDialog, submit, close } = useStepDialog<Dialog, DialogValues>();

  if (caseFile.isLoading) return <Spin />;
  if (caseFile.error || !caseFile.data) return <Alert type="error" title={problemMessage(caseFile.error)} />;
  const view: CaseView = caseFile.data;

  const open = (next: Dialog) =>
    openDialog(next, {
      items:
        next.kind === 'penalties'
          ? view.penalties.map((penalty) => ({ kind: penalty.kind, amount: penalty.amount, note: penalty.note }))
          : undefined,
    });

  const handleSubmit = () =>
    submit(async (current, values) => {
      const on = values.on?.format('YYYY-MM-DD');
      if (current.kind === 'advance') {
        await step.mutateAsync({
          path: 'advance',
          body: withoutBlanks({
            to: current.to,
            on,
            note: values.note,
            decisionNumber: values.decisionNumber,
            legalBasis: values.legalBasis,
            notFiledGround: values.notFiledGround,
          }),
        });
      } else if (current.kind === 'penalties') {
        await step.mutateAsync({
          path: 'penalties',
          method: 'PUT',
          body: { items: (values.items ?? []).map((item) => withoutBlanks({ ...item })) },
        });
      } else if (current.kind === 'publish') {
        await step.mutateAsync({ path: 'publish', body: withoutBlanks({ on, note: values.note }) });
      } else if (current.kind === 'police') {
        await step.mutateAsync({ path: 'police-transfer', body: withoutBlanks({ on, note: values.note }) });
      } else {
        await step.mutateAsync({ path: 'extend', body: { deadline: current.deadline, reason: values.reason } });
      }
    });

  const current = view.stage === 'not_filed' ? 1 : ordinary.indexOf(view.stage);
  const dialogTitle = !dialog
    ? ''
    : dialog.kind === 'advance'
      ? t(`stages.${dialog.to}`)
      : dialog.kind === 'extend'
        ? t(`actions.extend_${dialog.deadline}`)
        : t(`actions.${dialog.kind}`);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {view.number}
            <Tag color={stageColors[view.stage]}>{t(`stages.${view.stage}`)}</Tag>
            {view.isMajor ? <Tag color="red">{t('major')}</Tag> : null}
          </Flex>
        }
      />
      <Steps
        size="small"
        current={current}
        status={view.stage === 'not_filed' ? 'error' : undefined}
        items={ordinary.slice(1).map((stage) => ({ title: t(`stages.${stage}`) }))}
        style={{ marginBottom: 16 }}
        responsive
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="case-actions">
        {view.nextStages.map((to) => (
          <Button
            key={to}
            type={to === 'not_filed' ? 'default' : 'primary'}
            onClick={() => open({ kind: 'advance', to })}
            data-testid={`advance-${to}`}
          >
            {t(`advance.${to}`)}
          </Button>
        ))}
        {view.stage === 'notified' || view.stage === 'decided' ? (
          <Button onClick={() => open({ kind: 'penalties' })}>{t('actions.penalties')}</Button>
        ) : null}
        {view.publicationDue && !view.publishedOn ? (
          <Button onClick={() => open({ kind: 'publish' })}>{t('actions.publish')}</Button>
        ) : null}
        {view.stage === 'lead' && !view.filingExtended ? (
          <Button onClick={() => open({ kind: 'extend', deadline: 'filing' })}>{t('actions.extend_filing')}</Button>
        ) : null}
        {['filed', 'investigating', 'notified'].includes(view.stage) && !view.decisionExtended ? (
          <Button onClick={() => open({ kind: 'extend', deadline: 'decision' })}>{t('actions.extend_decision')}</Button>
        ) : null}
        {!view.policeTransferredOn && view.stage !== 'not_filed' ? (
          <Button danger onClick={() => open({ kind: 'police' })}>
            {t('actions.police')}
          </Button>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('fields.title')} span={2}>
                {view.title}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.party')}>
                {view.entityId ? <Link to={`/registry/entities/${view.entityId}`}>{view.partyName}</Link> : view.partyName}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.source')}>{t(`sources.${view.source}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.violationType')}>{t(`violations.${view.violationType}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.station')}>{view.stationName}</Descriptions.Item>
              <Descriptions.Item label={t('fields.leadOn')}>{view.leadOn}</Descriptions.Item>
              <Descriptions.Item label={t('stages.filed')}>{view.filedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('stages.decided')}>{view.decidedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.decisionNumber')}>{view.decisionNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.legalBasis')}>{view.legalBasis ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.fine')}>{view.fineAmount}</Descriptions.Item>
              <Descriptions.Item label={t('fields.confiscation')}>{view.confiscationAmount}</Descriptions.Item>
              <Descriptions.Item label={t('fields.amount')}>
                <Typography.Text strong data-testid="case-total">
                  {view.totalAmount}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.publishedOn')}>{view.publishedOn ?? '—'}</Descriptions.Item>
              {view.policeTransferredOn ? (
                <Descriptions.Item label={t('actions.police')}>{view.policeTransferredOn}</Descriptions.Item>
              ) : null}
              {view.majorReasons.length ? (
                <Descriptions.Item label={t('major')}>
                  {view.majorReasons.map((reason) => t(`majorReasons.${reason}`)).join('、')}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('fields.facts')} span={2}>
                {view.facts || '—'}
              </Descriptions.Item>
            </Descriptions>
            {view.penalties.length ? (
              <Flex gap={6} wrap style={{ marginTop: 8 }}>
                {view.penalties.map((penalty) => (
                  <Tag key={`${penalty.kind}-${penalty.amount}-${penalty.note}`}>
                    {t(`penalties.${penalty.kind}`)} {penalty.amount !== '0.00' ? penalty.amount : ''}
                  </Tag>
                ))}
              </Flex>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <OpenDeadlinesCard
            title={t('deadlines')}
            entries={view.openSteps}
            stepLabel={(step) => t(`steps.${step}`)}
            tagOf={(entry) => <CaseDueTag due={entry.due} flag={entry.flag} />}
          />
          <Card size="small" title={t('documents')} style={{ marginBottom: 16 }}>
            <Flex vertical gap={6}>
              {view.documents.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
              {view.documents.map((kind) => (
                <a key={kind} href={documentUrl(view.id, kind)} download data-testid={`document-${kind}`}>
                  <FileWordOutlined /> {t(`documentKinds.${kind}`)}
                </a>
              ))}
            </Flex>
          </Card>
          <Card size="small" title={t('stepsLog')}>
            {view.steps.map((entry) => (
              <div key={entry.at + entry.action}>
                <Typography.Text strong>
                  {t(`stages.${entry.action}`, { defaultValue: t(`actions.${entry.action}`, { defaultValue: entry.action }) })}
                </Typography.Text>{' '}
                {entry.onDate} <Typography.Text type="secondary">{entry.note}</Typography.Text>
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <StepDialog
        isOpen={dialog !== null}
        title={dialogTitle}
        form={form}
        errors={errors}
        onCancel={close}
        onOk={handleSubmit}
        confirmLoading={step.isPending}
        width={dialog?.kind === 'penalties' ? 640 : 520}
      >
        {dialog && dialog.kind !== 'penalties' && dialog.kind !== 'extend' ? (
          <Form.Item name="on" label={t('fields.on')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'advance' && dialog.to === 'decided' ? (
          <Form.Item name="decisionNumber" label={t('fields.decisionNumber')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'advance' && (dialog.to === 'decided' || dialog.to === 'notified') ? (
          <Form.Item
            name="legalBasis"
            label={t('fields.legalBasis')}
            initialValue={view.legalBasis ?? undefined}
            rules={[{ required: dialog.to === 'decided' && !view.legalBasis }]}
          >
            <Input.TextArea maxLength={500} rows={2} placeholder={t('legalBasisHint')} />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'advance' && dialog.to === 'not_filed' ? (
          <Form.Item name="notFiledGround" label={t('fields.notFiledGround')} rules={[{ required: true }]}>
            <Select options={notFiledGrounds.map((value) => ({ value, label: t(`notFiledGrounds.${value}`) }))} />
          </Form.Item>
        ) : null}
        {dialog?.kind === 'penalties' ? (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start" wrap>
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} style={{ minWidth: 160, flex: 1 }}>
                      <Select options={penaltyKinds.map((value) => ({ value, label: t(`penalties.${value}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amount']} rules={[{ required: true, pattern: yuanPattern }]} style={{ width: 140 }}>
                      <Input inputMode="decimal" addonAfter={t('yuan')} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('shell:actions.cancel')} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'fine', amount: '0' })}>
                  {t('actions.addPenalty')}
                </Button>
              </>
            )}
          </Form.List>
        ) : null}
        {dialog?.kind === 'extend' ? (
          <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={500} />
          </Form.Item>
        ) : dialog && dialog.kind !== 'penalties' ? (
          <Form.Item name="note" label={t('fields.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : null}
      </StepDialog>
    </>
  );
}
