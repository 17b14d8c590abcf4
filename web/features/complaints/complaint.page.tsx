import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Select, Spin, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { yuanPattern } from '../../../shared/money.ts';
import { OpenDeadlinesCard } from '../../components/deadline-tag.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StepDialog, useStepDialog, withoutBlanks } from '../../components/step-dialog.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type ComplaintAction,
  type ComplaintView,
  complaintRoles,
  mediationOutcomes,
  type RevealView,
  rejectGrounds,
  surveyAnswers,
  useComplaint,
  useComplaintAttachments,
  useComplaintStep,
  useReveal,
  useStations,
  violationTypes,
} from './api.ts';
import { DueTag, statusColors } from './complaint-labels.tsx';

/** The files attached to the public form, each a download link (the server sends them as attachments). */
function AttachmentsCard({ id }: { id: number }) {
  const { t } = useTranslation('complaints');
  const attachments = useComplaintAttachments(id);
  const items = attachments.data?.items ?? [];
  return (
    <Card size="small" title={t('attachments')} style={{ marginTop: 16 }} loading={attachments.isLoading}>
      {items.length === 0 ? <Typography.Text type="secondary">{t('noAttachments')}</Typography.Text> : null}
      {items.map((file) => (
        <Flex key={file.id} justify="space-between" gap={8} style={{ marginBottom: 6 }}>
          <a href={`/api/v1/complaints/${id}/attachments/${file.id}`} download={file.filename} style={{ wordBreak: 'break-all' }}>
            {file.filename}
          </a>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {file.size < 1024 * 1024 ? `${Math.max(1, Math.round(file.size / 1024))} KB` : `${(file.size / 1024 / 1024).toFixed(1)} MB`}
          </Typography.Text>
        </Flex>
      ))}
    </Card>
  );
}

type Dialog = ComplaintAction | 'reassign' | 'surveyAnswer' | 'reveal';
const paths: Record<Exclude<Dialog, 'reveal'>, string> = {
  accept: 'accept',
  reject: 'reject',
  end_mediation: 'end-mediation',
  start_verification: 'start-verification',
  extend_verification: 'extend',
  decide_case: 'decide-case',
  reply: 'reply',
  extend_handling: 'extend',
  reassign: 'reassign',
  surveyAnswer: 'survey-answer',
};

interface DialogValues {
  on?: Dayjs;
  note?: string;
  reason?: string;
  ground?: string;
  outcome?: string;
  amountRecovered?: string;
  decision?: 'open_case' | 'no_case';
  violationType?: string;
  stationId?: number;
  answer?: string;
}

/** The file of one complaint, report or petition: deadlines, steps taken, and the next steps the rules allow. */
export function ComplaintPage() {
  const { t } = useTranslation(['complaints', 'shell']);
  const id = Number(useParams().id);
  const item = useComplaint(id);
  const step = useComplaintStep(id);
  const reveal = useReveal(id);
  const stations = useStations();
  const { data: me } = useMe();
  const { form, dialog, errors, open, submit, close } = useStepDialog<Dialog, DialogValues>();
  const [revealed, setRevealed] = useState<RevealView | null>(null);
  const decision = Form.useWatch('decision', form);

  if (item.isLoading) return <Spin />;
  if (item.error || !item.data) return <Alert type="error" title={problemMessage(item.error)} />;
  const view: ComplaintView = item.data;

  const handleSubmit = () =>
    submit(async (current, values) => {
      if (current === 'reveal') {
        setRevealed(await reveal.mutateAsync(values.reason ?? ''));
        return;
      }
      const body: Record<string, unknown> = { ...values, on: values.on?.format('YYYY-MM-DD') };
      if (current === 'extend_verification') Object.assign(body, { step: 'verify', on: undefined, note: undefined });
      if (current === 'extend_handling') Object.assign(body, { step: 'handle', on: undefined, note: undefined });
      if (current === 'reassign') delete body.on;
      await step.mutateAsync({ path: paths[current], body: withoutBlanks(body) });
    });

  const isOpen = view.status !== 'closed' && view.status !== 'rejected';
  const canSurvey = view.status === 'closed' && !view.isAnonymous && view.complainantPhone && !view.surveySentAt;
  const needsDate = dialog && !['extend_verification', 'extend_handling', 'reassign', 'reveal', 'surveyAnswer'].includes(dialog);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {view.number}
            <Tag color={statusColors[view.status]}>{t(`statuses.${view.status}`)}</Tag>
          </Flex>
        }
      />
      {step.error && !dialog ? <Alert type="error" title={problemMessage(step.error)} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="complaint-actions">
        {view.allowedActions.map((action) => (
          <Button
            key={action}
            type={action === 'accept' || action === 'reply' ? 'primary' : 'default'}
            onClick={() => open(action)}
            data-testid={`action-${action}`}
          >
            {t(`actions.${action}`)}
          </Button>
        ))}
        {isOpen ? <Button onClick={() => open('reassign')}>{t('actions.reassign')}</Button> : null}
        {canSurvey ? (
          <Button onClick={() => step.mutate({ path: 'survey', body: {} })} loading={step.isPending}>
            {t('actions.survey')}
          </Button>
        ) : null}
        {view.surveySentAt && !view.surveyAnswer ? <Button onClick={() => open('surveyAnswer')}>{t('actions.surveyAnswer')}</Button> : null}
        {hasAnyRole(me, complaintRoles.reveal) && !view.isAnonymous ? (
          <Button onClick={() => open('reveal')}>{t('actions.reveal')}</Button>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('fields.kind')}>{t(`kinds.${view.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.channel')}>{t(`channels.${view.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.category')}>{t(`categories.${view.category}`)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.receivedOn')}>{view.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('fields.respondent')}>
                {view.entityId ? <Link to={`/registry/entities/${view.entityId}`}>{view.respondentName}</Link> : view.respondentName}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.respondentAddress')}>{view.respondentAddress}</Descriptions.Item>
              <Descriptions.Item label={t('fields.station')}>{view.stationName}</Descriptions.Item>
              <Descriptions.Item label={t('fields.complainant')}>
                {view.isAnonymous
                  ? t('fields.anonymous')
                  : `${revealed?.name ?? view.complainantName ?? ''} ${revealed?.phone ?? view.complainantPhone ?? ''}`}
              </Descriptions.Item>
              {revealed?.address ? <Descriptions.Item label={t('fields.address')}>{revealed.address}</Descriptions.Item> : null}
              <Descriptions.Item label={t('fields.facts')} span={2}>
                {view.facts}
              </Descriptions.Item>
              {view.request ? (
                <Descriptions.Item label={t('fields.request')} span={2}>
                  {view.request}
                </Descriptions.Item>
              ) : null}
              {view.mediationOutcome ? (
                <Descriptions.Item label={t('fields.mediationOutcome')}>{t(`outcomes.${view.mediationOutcome}`)}</Descriptions.Item>
              ) : null}
              {view.amountRecovered ? (
                <Descriptions.Item label={t('fields.amountRecovered')}>{view.amountRecovered}</Descriptions.Item>
              ) : null}
              {view.rejectGround ? (
                <Descriptions.Item label={t('actions.ground')}>{t(`rejectGrounds.${view.rejectGround}`)}</Descriptions.Item>
              ) : null}
              {view.caseDecision ? (
                <Descriptions.Item label={t('fields.caseDecision')}>
                  {view.caseDecision === 'case_opened' ? t('actions.caseOpened') : t('actions.noCaseTaken')}
                  {view.caseId ? (
                    <>
                      {' '}
                      <Link to={`/cases/${view.caseId}`}>{t('actions.openCaseFile')}</Link>
                    </>
                  ) : null}
                </Descriptions.Item>
              ) : null}
              {view.surveyAnswer ? (
                <Descriptions.Item label={t('fields.survey')}>{t(`surveyAnswers.${view.surveyAnswer}`)}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <OpenDeadlinesCard
            title={t('deadlines')}
            entries={view.openSteps}
            stepLabel={(step) => t(`steps.${step}`)}
            tagOf={(entry) => <DueTag due={entry.due} flag={entry.flag} isProvisional={entry.isProvisional} />}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('fields.ruleSet')}：{view.rules.title['zh-CN']}{' '}
              {view.rules.isConfirmed ? null : (
                <Tag color="orange" data-testid="rule-unconfirmed">
                  {t('unconfirmed')}
                </Tag>
              )}
            </Typography.Paragraph>
          </OpenDeadlinesCard>
          <Card size="small" title={t('stepsLog')}>
            <Timeline
              items={view.steps.map((entry, index) => ({
                key: index,
                content: (
                  <>
                    <Typography.Text strong>{t(`actions.${entry.action}`, { defaultValue: entry.action })}</Typography.Text> {entry.onDate}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(entry.at)} {entry.note}
                      </Typography.Text>
                    </div>
                  </>
                ),
              }))}
            />
          </Card>
          <AttachmentsCard id={view.id} />
        </Col>
      </Row>
      <StepDialog
        isOpen={dialog !== null}
        title={dialog ? t(`actions.${dialog}`) : ''}
        form={form}
        errors={errors}
        onCancel={close}
        onOk={handleSubmit}
        confirmLoading={step.isPending || reveal.isPending}
        notice={dialog === 'reveal' ? <Alert type="info" title={t('revealHint')} style={{ marginBottom: 12 }} /> : null}
      >
        {needsDate ? (
          <Form.Item name="on" label={t('actions.on')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {dialog === 'reject' ? (
          <Form.Item name="ground" label={t('actions.ground')} rules={[{ required: true }]}>
            <Select options={rejectGrounds.map((value) => ({ value, label: t(`rejectGrounds.${value}`) }))} />
          </Form.Item>
        ) : null}
        {dialog === 'end_mediation' ? (
          <>
            <Form.Item name="outcome" label={t('actions.outcome')} rules={[{ required: true }]}>
              <Select options={mediationOutcomes.map((value) => ({ value, label: t(`outcomes.${value}`) }))} />
            </Form.Item>
            <Form.Item name="amountRecovered" label={t('fields.amountRecovered')} rules={[{ pattern: yuanPattern }]}>
              <Input inputMode="decimal" />
            </Form.Item>
          </>
        ) : null}
        {dialog === 'decide_case' ? (
          <>
            <Form.Item name="decision" label={t('actions.decision')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: 'open_case', label: t('actions.openCase') },
                  { value: 'no_case', label: t('actions.noCase') },
                ]}
              />
            </Form.Item>
            {decision === 'open_case' ? (
              <Form.Item name="violationType" label={t('actions.violationType')} rules={[{ required: true }]}>
                <Select options={violationTypes.map((value) => ({ value, label: t(`violations.${value}`) }))} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {dialog === 'reassign' ? (
          <Form.Item name="stationId" label={t('actions.stationId')} rules={[{ required: true }]}>
            <Select options={(stations.data ?? []).map((station) => ({ value: station.id, label: station.name }))} />
          </Form.Item>
        ) : null}
        {dialog === 'surveyAnswer' ? (
          <Form.Item name="answer" label={t('actions.answer')} rules={[{ required: true }]}>
            <Select options={surveyAnswers.map((value) => ({ value, label: t(`surveyAnswers.${value}`) }))} />
          </Form.Item>
        ) : null}
        {dialog === 'extend_verification' || dialog === 'extend_handling' || dialog === 'reveal' ? (
          <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} />
          </Form.Item>
        ) : dialog !== 'surveyAnswer' ? (
          <Form.Item name="note" label={t('actions.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : null}
      </StepDialog>
    </>
  );
}
