import { Alert, Button, Card, Empty, Flex, Input, List, Segmented, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { type EventView, type TraceView, useTrace } from './api.ts';
import { Camera, canReadBarcodes } from './camera.tsx';
import { codeOf, traceTree } from './trace-tree.ts';

/**
 * 跨区追溯: enter or scan any code and follow it back to its origin or forward to every holder and every sale, across
 * districts (the API walks one district at a time). The holders with their districts, then the chain as a tree.
 */
export function TracePage() {
  const { t } = useTranslation('cold-chain');
  const [searchParams, setSearchParams] = useSearchParams();
  const code = searchParams.get('code');
  const direction = searchParams.get('direction') === 'back' ? 'back' : 'forward';
  const [typed, setTyped] = useState(code ?? '');
  const [cameraOn, setCameraOn] = useState(false);
  const trace = useTrace(code, direction);
  const go = (next: { code?: string | null; direction?: 'back' | 'forward' }) => {
    const params = new URLSearchParams();
    const nextCode = next.code === undefined ? code : next.code;
    if (nextCode) params.set('code', nextCode);
    params.set('direction', next.direction ?? direction);
    setSearchParams(params);
  };
  const data = trace.data;
  const sales = (data?.events ?? []).filter((event) => event.step === 'sell');
  const quantityText = (quantity: string, unit: EventView['unit']) => `${Number(quantity)} ${t(`units.${unit}`)}`;
  const eventTitle = (event: EventView) => (
    <Flex gap={6} wrap align="center">
      <Typography.Text type="secondary">{formatDateTime(event.eventTime)}</Typography.Text>
      <Tag color={event.step === 'sell' ? 'green' : event.step === 'dispose' ? 'red' : undefined}>{t(`steps.${event.step}`)}</Tag>
      <span>{event.holderName}</span>
      <Tag>{t('trace.district', { code: event.districtCode })}</Tag>
      {event.counterpartName ? <span>→ {event.counterpartName}</span> : null}
      <span>{quantityText(event.quantity, event.unit)}</span>
    </Flex>
  );
  const lotTitle = (lot: TraceView['lots'][number]) => (
    <Flex gap={6} wrap align="center">
      <code>{lot.code}</code>
      <span>{lot.product}</span>
      <span>{quantityText(lot.quantity, lot.unit)}</span>
      {lot.code === data?.code ? <Tag color="blue">{t('trace.start')}</Tag> : null}
    </Flex>
  );
  const treeData = data ? traceTree(data, eventTitle, lotTitle) : [];
  return (
    <>
      <PageHeader title={t('trace.title')} />
      <Flex vertical gap={12}>
        {cameraOn ? (
          <Camera
            onCode={(value) => {
              setCameraOn(false);
              setTyped(codeOf(value));
              go({ code: codeOf(value) });
            }}
            onStop={() => setCameraOn(false)}
          />
        ) : null}
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <Input.Search
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={t('scan.codePlaceholder')}
              aria-label={t('scan.code')}
              enterButton={t('trace.go')}
              onSearch={(value) => go({ code: value.trim() ? codeOf(value) : null })}
              style={{ maxWidth: 420 }}
            />
            {canReadBarcodes() ? <Button onClick={() => setCameraOn(true)}>{t('scan.camera')}</Button> : null}
            <Segmented
              value={direction}
              onChange={(value) => go({ direction: value as 'back' | 'forward' })}
              options={[
                { value: 'back', label: t('batch.traceBack') },
                { value: 'forward', label: t('batch.traceForward') },
              ]}
            />
          </Flex>
        </Card>
        {code && trace.isError ? <Alert type="error" title={problemMessage(trace.error)} /> : null}
        {data?.isTruncated ? <Alert type="warning" title={t('batch.truncated')} /> : null}
        {data ? (
          <>
            <Card size="small" title={t('trace.holders', { count: data.holders.length })} data-testid="trace-holders">
              <List
                size="small"
                dataSource={data.holders}
                locale={{ emptyText: t('trace.noHolders') }}
                renderItem={(holder) => (
                  <List.Item>
                    <span>{holder.name}</span>
                    <Tag>{t('trace.district', { code: holder.districtCode })}</Tag>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={t('trace.sales', { count: sales.length })}>
              <List
                size="small"
                dataSource={sales}
                locale={{ emptyText: t('trace.noSales') }}
                renderItem={(event) => <List.Item>{eventTitle(event)}</List.Item>}
              />
            </Card>
            <Card size="small" title={t('trace.chain')} data-testid="trace-chain">
              {treeData.length ? (
                <Tree
                  key={`${data.code}:${direction}:${data.lots.length}`}
                  treeData={treeData}
                  defaultExpandAll
                  selectable={false}
                  showLine
                  blockNode
                />
              ) : (
                <Empty description={t('trace.noHolders')} />
              )}
            </Card>
          </>
        ) : null}
      </Flex>
    </>
  );
}
