import { Alert, Button, Card, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { type EpcisResult, useCaptureEpcis } from './api.ts';

/** The largest document the API takes (its body limit). */
const maxDocumentBytes = 4 * 1024 * 1024;

interface Rejection {
  title: string;
  errors: { path: string; message: string }[];
}

/**
 * EPCIS 2.0 上传: pick a JSON file or paste the document and post it to POST /api/v1/cold-chain/epcis. A rejected document
 * lists each problem with its JSON pointer (nothing of it was stored); an accepted one shows the events stored.
 */
export function EpcisPage() {
  const { t } = useTranslation('cold-chain');
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [result, setResult] = useState<EpcisResult | null>(null);
  const capture = useCaptureEpcis();

  const handleSubmit = async () => {
    setRejection(null);
    setResult(null);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      setRejection({ title: t('epcis.notJson'), errors: [{ path: '/', message: error instanceof Error ? error.message : String(error) }] });
      return;
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
      setRejection({ title: t('epcis.notObject'), errors: [] });
      return;
    }
    try {
      setResult(await capture.mutateAsync(document));
    } catch (error) {
      if (error instanceof ApiError)
        setRejection({
          title: error.problem.title,
          errors: (error.problem.errors ?? []).map((item) => ({ path: item.field || '/', message: item.message })),
        });
      else setRejection({ title: error instanceof Error ? error.message : String(error), errors: [] });
    }
  };

  return (
    <>
      <PageHeader title={t('epcis.title')} />
      <Flex vertical gap={12} style={{ maxWidth: 880 }}>
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('epcis.intro')}</Typography.Paragraph>
          <Flex vertical gap={8}>
            <label>
              {t('epcis.file')}{' '}
              <input
                type="file"
                accept="application/json,application/ld+json,.json,.jsonld"
                onChange={async (event) => {
                  const picked = event.target.files?.[0];
                  if (!picked) return;
                  if (picked.size > maxDocumentBytes) {
                    setRejection({ title: t('epcis.tooLarge'), errors: [] });
                    return;
                  }
                  setFileName(picked.name);
                  setText(await picked.text());
                }}
              />
            </label>
            <Input.TextArea
              aria-label={t('epcis.document')}
              placeholder={t('epcis.placeholder')}
              value={text}
              onChange={(event) => {
                setFileName(null);
                setText(event.target.value);
              }}
              autoSize={{ minRows: 10, maxRows: 24 }}
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
            />
            <Flex gap={8} align="center">
              <Button type="primary" onClick={handleSubmit} loading={capture.isPending} disabled={!text.trim()}>
                {t('epcis.submit')}
              </Button>
              {fileName ? <Typography.Text type="secondary">{fileName}</Typography.Text> : null}
            </Flex>
          </Flex>
        </Card>
        {rejection ? (
          <Card size="small" data-testid="epcis-rejected">
            <Alert type="error" title={rejection.title} description={t('epcis.nothingStored')} style={{ marginBottom: 8 }} />
            <List
              size="small"
              dataSource={rejection.errors}
              renderItem={(item) => (
                <List.Item>
                  <Flex vertical>
                    <code>{item.path}</code>
                    <span>{item.message}</span>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
        {result ? (
          <Card size="small" data-testid="epcis-stored">
            <Alert type="success" title={t('epcis.stored', { count: result.stored })} style={{ marginBottom: 8 }} />
            <List
              size="small"
              header={t('epcis.eventIds')}
              dataSource={result.eventIds}
              renderItem={(eventId) => (
                <List.Item>
                  <code>{eventId}</code>
                </List.Item>
              )}
            />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
