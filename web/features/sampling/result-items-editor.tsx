import { Button, Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { itemVerdicts } from '../../../shared/vocabularies/sampling.ts';
import type { ResultItemInput } from './api.ts';

/** A result row as edited: the verdict stays empty until the lab judges the item (nothing is pre-judged). */
export type ResultItemDraft = Omit<ResultItemInput, 'verdict'> & { verdict?: ResultItemInput['verdict'] };

/**
 * Per-item results (value, unit, limit, method standard, verdict): one card per test item, phone-friendly. The
 * items are the sample's required test items: none can be removed, and the form does not submit while any is
 * unjudged (the server refuses a missing item too).
 */
export function ResultItemsEditor({
  onSubmit,
  initial,
  isPending,
}: {
  onSubmit: (items: ResultItemInput[]) => void;
  initial: ResultItemDraft[];
  isPending: boolean;
}) {
  const { t } = useTranslation('sampling');
  return (
    <Form<{ items: ResultItemInput[] }>
      layout="vertical"
      initialValues={{ items: initial }}
      onFinish={(values) => onSubmit(values.items)}
      scrollToFirstError
    >
      <Form.List name="items">
        {(fields) =>
          fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }}>
              <Form.Item name={[field.name, 'itemName']} label={t('fields.itemName')} rules={[{ required: true }]}>
                <Input readOnly />
              </Form.Item>
              <Form.Item name={[field.name, 'measured']} label={t('fields.measured')} rules={[{ required: true, max: 100 }]}>
                <Input data-testid={`result-measured-${field.name}`} />
              </Form.Item>
              <Form.Item name={[field.name, 'unit']} label={t('fields.unit')}>
                <Input />
              </Form.Item>
              <Form.Item name={[field.name, 'limitText']} label={t('fields.limitText')}>
                <Input />
              </Form.Item>
              <Form.Item name={[field.name, 'methodStandard']} label={t('fields.methodStandard')}>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'verdict']}
                label={t('fields.verdict')}
                rules={[{ required: true, message: t('hints.verdictRequired') }]}
              >
                <Radio.Group optionType="button" options={itemVerdicts.map((value) => ({ value, label: t(`verdict.${value}`) }))} />
              </Form.Item>
            </Card>
          ))
        }
      </Form.List>
      <Button type="primary" htmlType="submit" block loading={isPending} data-testid="submit-results">
        {t('actions.saveResults')}
      </Button>
    </Form>
  );
}

/** Empty result rows for a sample's test items. */
export function blankResults(testItems: readonly string[], existing: ResultItemInput[] = []): ResultItemDraft[] {
  return testItems.map(
    (itemName) =>
      existing.find((item) => item.itemName === itemName) ?? {
        itemName,
        measured: '',
        unit: '',
        limitText: '',
        methodStandard: '',
      },
  );
}
