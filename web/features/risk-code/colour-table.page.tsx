import { Alert, Button, Card, DatePicker, Flex, Input, InputNumber, List, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { ColourTag, type RiskColour, riskColourHex, riskColours } from '../../components/colour-explanation.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ColourEscalations, type ColourTableVersion, riskLevels, useColourTables, useSaveColourTable } from './api.ts';

const colourFloors = [
  'nonCompliantInspection',
  'openRectification',
  'certificateFloor',
  'complaintFloor',
  'failedSample',
  'penaltyCase',
  'majorCase',
  'abnormalListing',
  'seriousViolation',
] as const satisfies readonly (keyof ColourEscalations)[];

/** The bureau's colour table: category × risk level → colour, and the floors adverse facts raise; versioned by date. */
export function ColourTablePage() {
  const { t } = useTranslation('risk-code');
  const canEdit = hasAnyRole(useMe().data, settingsRoles);
  const tables = useColourTables();
  const save = useSaveColourTable();
  const current = tables.data?.items.find((item) => item.effectiveFrom <= chinaToday()) ?? tables.data?.items[0];
  const [draft, setDraft] = useState<ColourTableVersion | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(chinaToday());
  const [newCategory, setNewCategory] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    if (current && !draft) setDraft(structuredClone(current));
  }, [current, draft]);
  const category = (key: string) => t(`category.${key}`, { defaultValue: key });
  const setCell = (row: string, level: (typeof riskLevels)[number], colour: RiskColour) =>
    setDraft(
      (previous) =>
        (previous
          ? { ...previous, cells: { ...previous.cells, [row]: { ...previous.cells[row], [level]: colour } } }
          : previous) as ColourTableVersion,
    );
  const colourSelect = (value: RiskColour, onChange: (colour: RiskColour) => void, label: string) =>
    canEdit ? (
      <Select
        aria-label={label}
        size="small"
        value={value}
        style={{ minWidth: 96 }}
        onChange={onChange}
        options={riskColours.map((colour) => ({
          value: colour,
          label: (
            <span>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  borderRadius: 5,
                  marginRight: 6,
                  background: riskColourHex[colour],
                }}
              />
              {t(`colour.${colour}`)}
            </span>
          ),
        }))}
      />
    ) : (
      <ColourTag colour={value} />
    );
  return (
    <>
      <PageHeader title={t('table.title')} />
      <Alert type="warning" showIcon title={t('table.bureauNotice')} description={t('table.defaultsNote')} style={{ marginBottom: 16 }} />
      {tables.error ? <Alert type="error" title={problemMessage(tables.error)} /> : null}
      {draft ? (
        <Card
          size="small"
          title={
            <span>
              {t('table.current')}{' '}
              {current?.isDefault ? <Tag>{t('table.builtInDefault')}</Tag> : <Tag color="blue">{current?.effectiveFrom}</Tag>}
            </span>
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            scroll={{ x: true }}
            dataSource={Object.keys(draft.cells).map((key) => ({ key }))}
            columns={[
              { title: t('table.category'), dataIndex: 'key', render: (key: string) => category(key) },
              ...riskLevels.map((level) => ({
                title: t(`level.${level}`),
                key: level,
                render: (_: unknown, row: { key: string }) =>
                  colourSelect(
                    draft.cells[row.key]?.[level] ?? 'yellow',
                    (colour) => setCell(row.key, level, colour),
                    `${category(row.key)} ${level}`,
                  ),
              })),
            ]}
          />
          {canEdit ? (
            <Flex gap={8} style={{ marginTop: 8 }} wrap>
              <Input
                placeholder={t('table.newCategoryHint')}
                aria-label={t('table.newCategoryHint')}
                value={newCategory}
                onChange={(event) => setNewCategory(event.target.value)}
                style={{ width: 240 }}
              />
              <Button
                disabled={!/^[a-z_]{1,60}$/.test(newCategory) || newCategory in draft.cells}
                onClick={() => {
                  setDraft({
                    ...draft,
                    cells: { ...draft.cells, [newCategory]: { A: 'green', B: 'blue', C: 'yellow', D: 'orange', U: 'yellow' } },
                  });
                  setNewCategory('');
                }}
              >
                {t('table.addCategory')}
              </Button>
            </Flex>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('table.escalations')}
          </Typography.Title>
          <List
            size="small"
            dataSource={[...colourFloors]}
            renderItem={(key) => (
              <List.Item>
                <span>{t(`escalation.${key}`)}</span>
                {colourSelect(
                  draft.escalations[key] as RiskColour,
                  (colour) => setDraft({ ...draft, escalations: { ...draft.escalations, [key]: colour } }),
                  t(`escalation.${key}`),
                )}
              </List.Item>
            )}
          />
          <Flex gap={16} wrap style={{ marginTop: 8 }}>
            <span>
              {t('escalation.certificateBelowBasisPoints')}{' '}
              <InputNumber
                aria-label={t('escalation.certificateBelowBasisPoints')}
                disabled={!canEdit}
                min={0}
                max={100}
                value={draft.escalations.certificateBelowBasisPoints === null ? null : draft.escalations.certificateBelowBasisPoints / 100}
                onChange={(value) =>
                  setDraft({
                    ...draft,
                    escalations: { ...draft.escalations, certificateBelowBasisPoints: value === null ? null : Math.round(value * 100) },
                  })
                }
                suffix="%"
              />
            </span>
            <span>
              {t('escalation.complaintsAtLeast')}{' '}
              <InputNumber
                aria-label={t('escalation.complaintsAtLeast')}
                disabled={!canEdit}
                min={1}
                max={1000}
                value={draft.escalations.complaintsAtLeast}
                onChange={(value) => setDraft({ ...draft, escalations: { ...draft.escalations, complaintsAtLeast: value } })}
              />
            </span>
          </Flex>
          {canEdit ? (
            <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
              <span>{t('table.effectiveFrom')}</span>
              <DatePicker
                aria-label={t('table.effectiveFrom')}
                value={dayjs(effectiveFrom)}
                allowClear={false}
                onChange={(value) => value && setEffectiveFrom(value.format('YYYY-MM-DD'))}
              />
              <Input
                placeholder={t('table.note')}
                aria-label={t('table.note')}
                value={draft.note}
                maxLength={500}
                onChange={(event) => setDraft({ ...draft, note: event.target.value })}
                style={{ width: 280 }}
              />
              <Button
                type="primary"
                loading={save.isPending}
                onClick={() =>
                  save.mutate(
                    { effectiveFrom, cells: draft.cells, escalations: draft.escalations, note: draft.note },
                    { onSuccess: (version) => setSaved(version.id) },
                  )
                }
              >
                {t('table.saveVersion')}
              </Button>
            </Flex>
          ) : null}
          {saved ? (
            <Alert type="success" title={t('table.saved', { id: saved })} style={{ marginTop: 8 }} data-testid="table-saved" />
          ) : null}
          {save.error ? <Alert type="error" title={problemMessage(save.error)} style={{ marginTop: 8 }} /> : null}
        </Card>
      ) : null}
      <Card size="small" title={t('table.versions')} style={{ marginTop: 16 }}>
        <Table<ColourTableVersion>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tables.data?.items}
          data-testid="table-versions"
          columns={[
            {
              title: t('table.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              render: (on: string, row) => (row.isDefault ? t('table.builtInDefault') : on),
            },
            { title: t('table.note'), dataIndex: 'note' },
            { title: t('table.categories'), key: 'categories', render: (_, row) => Object.keys(row.cells).length },
          ]}
        />
      </Card>
    </>
  );
}
