import { Alert, Button, Card, Form, Input, List, Radio, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rapidTestItems } from '../../../shared/vocabularies/markets.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import {
  type ImportResult,
  type RapidTestBody,
  type RapidTestView,
  useHandleLot,
  useImportRapidTests,
  useRapidTests,
  useRecordRapidTest,
  useStalls,
} from './api.ts';

const lotColours = { blocked: 'red', destroyed: 'default', released: 'green' } as const;

/** The testing room's phone form: stall, product, item, result; a positive result blocks the lot at once. */
export function RapidTestEntry({ marketId }: { marketId: number }) {
  const { t } = useTranslation('markets');
  const stalls = useStalls(marketId);
  const record = useRecordRapidTest(marketId);
  const [form] = Form.useForm<RapidTestBody>();
  const [problems, setProblems] = useState<string[]>([]);
  const [last, setLast] = useState<RapidTestView | null>(null);
  const handleSubmit = async (values: RapidTestBody) => {
    setProblems([]);
    try {
      setLast(await record.mutateAsync(values));
      form.resetFields(['product']);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <Card size="small" title={t('tests.enter')}>
      {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 8 }} /> : null}
      {last ? (
        <Alert
          data-testid="last-test"
          type={last.result === 'positive' ? 'error' : 'success'}
          title={last.result === 'positive' ? t('tests.blockedNow', { stall: last.stallNumber, product: last.product }) : t('tests.saved')}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={handleSubmit} initialValues={{ item: 'pesticide_residue', result: 'negative' }}>
        <Form.Item name="stallId" label={t('tests.stall')} rules={[{ required: true, message: t('tests.required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={stalls.isFetching}
            options={(stalls.data?.items ?? []).map((stall) => ({
              value: stall.id,
              label: `${stall.number} ${t(`stallCategories.${stall.category}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="product" label={t('tests.product')} rules={[{ required: true, message: t('tests.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="item" label={t('tests.item')}>
          <Select options={rapidTestItems.map((item) => ({ value: item, label: t(`items.${item}`) }))} />
        </Form.Item>
        <Form.Item name="result" label={t('tests.result')}>
          <Radio.Group buttonStyle="solid" size="large">
            <Radio.Button value="negative">{t('results.negative')}</Radio.Button>
            <Radio.Button value="positive">{t('results.positive')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={record.isPending}>
          {t('tests.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The device's CSV: checked first, every bad cell listed by row; imported only when clean. */
export function DeviceImport({ marketId }: { marketId: number }) {
  const { t } = useTranslation('markets');
  const upload = useImportRapidTests(marketId);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card size="small" title={t('import.title')}>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={async (file) => {
          setError(null);
          try {
            setResult(await upload.mutateAsync({ csv: await file.text() }));
          } catch (caught) {
            setError(problemMessage(caught));
          }
          return false;
        }}
      >
        <Button loading={upload.isPending}>{t('import.choose')}</Button>
      </Upload>
      <p style={{ color: '#64748b', marginTop: 8 }}>{t('import.columns')}</p>
      {error ? <Alert type="error" title={error} /> : null}
      {result ? (
        <Alert
          data-testid="import-result"
          type={result.errors.length ? 'error' : 'success'}
          title={
            result.errors.length
              ? t('import.rejected', { count: result.errors.length })
              : t('import.done', { imported: result.imported, positives: result.positives })
          }
          description={
            result.errors.length ? (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {result.errors.slice(0, 50).map((item) => (
                  <li key={`${item.row}-${item.field}`}>
                    {t('import.rowError', { row: item.row, field: t(`import.fields.${item.field}`), message: item.message })}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
    </Card>
  );
}

/** Today's tests, or the lots blocked now with their handling steps. */
export function RapidTestList({ marketId, blocked, canHandle }: { marketId: number; blocked: boolean; canHandle: boolean }) {
  const { t } = useTranslation('markets');
  const tests = useRapidTests(marketId, blocked);
  const handle = useHandleLot(marketId);
  const [error, setError] = useState<string | null>(null);
  const step = async (testId: number, action: 'destroy' | 're_test' | 'report', retestResult?: 'negative' | 'positive') => {
    setError(null);
    try {
      await handle.mutateAsync({ testId, action, ...(retestResult ? { retestResult } : {}) });
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };
  return (
    <Card
      size="small"
      title={blocked ? t('tests.blockedTitle') : t('tests.todayTitle')}
      data-testid={blocked ? 'blocked-lots' : 'today-tests'}
    >
      {error ? <Alert type="error" title={error} /> : null}
      <List<RapidTestView>
        loading={tests.isFetching}
        dataSource={tests.data?.items ?? []}
        locale={{ emptyText: blocked ? t('tests.noneBlocked') : t('tests.noneToday') }}
        renderItem={(test) => (
          <List.Item
            actions={
              canHandle && blocked
                ? [
                    <Button key="destroy" size="small" danger onClick={() => step(test.id, 'destroy')}>
                      {t('handle.destroy')}
                    </Button>,
                    <Button key="retest" size="small" onClick={() => step(test.id, 're_test', 'negative')}>
                      {t('handle.retestNegative')}
                    </Button>,
                    ...(test.reportedAt
                      ? []
                      : [
                          <Button key="report" size="small" onClick={() => step(test.id, 'report')}>
                            {t('handle.report')}
                          </Button>,
                        ]),
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>
                    {test.stallNumber} · {test.product}
                  </span>
                  <Tag color={test.result === 'positive' ? 'red' : 'green'}>{t(`results.${test.result}`)}</Tag>
                  <Tag color={lotColours[test.lotStatus]}>{t(`lots.${test.lotStatus}`)}</Tag>
                  {test.reportedAt ? <Tag color="blue">{t('handle.reported')}</Tag> : null}
                </Space>
              }
              description={`${t(`items.${test.item}`)} · ${test.testedOn}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
