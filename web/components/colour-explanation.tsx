import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskColours } from '../../shared/vocabularies/risk-code.ts';
import { api } from '../lib/api-client.ts';

/** The five colours of the 五色码 and how they are drawn (the same hues as the public page and the stickers). */
export { riskColours };
export type RiskColour = (typeof riskColours)[number];
export const riskColourHex: Record<RiskColour, string> = {
  green: '#2e7d32',
  blue: '#1565c0',
  yellow: '#f9a825',
  orange: '#ef6c00',
  black: '#212121',
};

export interface ColourExplanation {
  summary: string;
  reasons: string[];
  unknown: string[];
  toImprove: string[];
}

/** GET /api/v1/risk-code/entities/:id (staff, and the operator for their own shop). */
/** The facts a colour was computed from (server: rules/risk-colour.ts ColourFacts; absent = not published yet). */
export interface ColourFactsView {
  dynamicGrade?: 'excellent' | 'good' | 'fair' | null;
  annualGrade?: 'A' | 'B' | 'C' | null;
  riskGrade?: 'A' | 'B' | 'C' | 'D' | null;
  latestInspection?: { on: string; result: 'compliant' | 'basically-compliant' | 'non-compliant' } | null;
  openRectifications?: number;
  certificateComplianceBasisPoints?: number | null;
  complaints12m?: number;
  failedSamples12m?: number;
  penaltyCases12m?: number;
  majorCases12m?: number;
}

export interface EntityColourView {
  entityId: number;
  name: string | null;
  facts: ColourFactsView;
  token: string | null;
  managementCategory: string | null;
  colour: RiskColour | null;
  riskLevel: 'A' | 'B' | 'C' | 'D' | 'U' | null;
  computedAt: string | null;
  tableIsBureauSetting: boolean;
  explanation: ColourExplanation | null;
  history: { fromColour: RiskColour | null; toColour: RiskColour; trigger: string; changedAt: string; reasons: string[] }[];
}

export const entityColourKey = (entityId: number) => ['risk-code', 'entity', entityId] as const;

export function useEntityColour(entityId: number) {
  return useQuery({
    queryKey: entityColourKey(entityId),
    queryFn: ({ signal }) => api.get<EntityColourView>(`/risk-code/entities/${entityId}`, {}, signal),
    enabled: Number.isInteger(entityId) && entityId > 0,
  });
}

/** A colour as a tag that carries its name too (never colour alone). */
export function ColourTag({ colour }: { colour: RiskColour | null }) {
  const { t } = useTranslation('risk-code');
  if (!colour) return <Tag>{t('colour.none')}</Tag>;
  return (
    // The colour as a swatch, its name in dark text: white on yellow or orange fails WCAG 1.4.3 (1.97:1, 3.08:1).
    <Tag data-colour={colour}>
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          marginInlineEnd: 4,
          borderRadius: 2,
          background: riskColourHex[colour],
          outline: '1px solid rgba(0,0,0,0.45)',
        }}
      />
      {t(`colour.${colour}`)}
    </Tag>
  );
}

/** Why the shop has its colour and what would change it: for staff and for the operator on their shop page. */
export function ColourExplanationView({ view }: { view: EntityColourView }) {
  const { t } = useTranslation('risk-code');
  const explanation = view.explanation;
  if (!explanation) return <Empty description={t('explanation.none')} />;
  return (
    <div data-testid="colour-explanation">
      <Typography.Paragraph>
        <ColourTag colour={view.colour} /> {explanation.summary}
      </Typography.Paragraph>
      <Typography.Text strong>{t('explanation.reasons')}</Typography.Text>
      <ul>
        {explanation.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {explanation.unknown.length ? (
        <Alert
          type="info"
          showIcon
          title={t('explanation.unknown', { facts: explanation.unknown.join('、') })}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Typography.Text strong>{t('explanation.toImprove')}</Typography.Text>
      <ul>
        {explanation.toImprove.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">{t('explanation.bureauSetting')}</Typography.Text>
    </div>
  );
}

/** A card with the colour and its explanation, fetched for one entity. */
export function ColourExplanationCard({ entityId }: { entityId: number }) {
  const { t } = useTranslation('risk-code');
  const colour = useEntityColour(entityId);
  return (
    <Card size="small" title={t('explanation.title')}>
      {colour.isLoading ? <Spin /> : null}
      {colour.error ? <Alert type="warning" title={t('explanation.unavailable')} /> : null}
      {colour.data ? <ColourExplanationView view={colour.data} /> : null}
    </Card>
  );
}
