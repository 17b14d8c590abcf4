import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MarketScreenTokenRejected, type ScreenView, useMarketScreen } from './api.ts';

const panel = { background: '#0f1b2d', border: '1px solid #1e3a5f', borderRadius: 8, padding: 16, boxSizing: 'border-box' } as const;
const heading = { color: '#7dd3fc', fontSize: 24, margin: '0 0 12px' } as const;
const frame = {
  width: 1920,
  minHeight: 1080,
  background: '#050b16',
  color: '#e2e8f0',
  fontFamily: 'system-ui, sans-serif',
  padding: 24,
  boxSizing: 'border-box',
} as const;
const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
const stars = (count: number | null) => (count ? '★'.repeat(count) : '—');

function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

function Figure({ label, value, alert = false }: { label: string; value: string | number; alert?: boolean }) {
  return (
    <div style={{ ...panel, textAlign: 'center' }}>
      <div style={{ color: '#94a3b8', fontSize: 20 }}>{label}</div>
      <div style={{ fontSize: 48, fontWeight: 700, color: alert ? '#f87171' : '#f8fafc' }}>{value}</div>
    </div>
  );
}

function MarketScreen({ data }: { data: Extract<ScreenView, { kind: 'market' }> }) {
  const { t } = useTranslation('markets');
  const market = data.market;
  return (
    <>
      <section style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 16, marginBottom: 16 }}>
        <Figure label={t('list.stars')} value={stars(market.stars)} />
        <Figure label={t('list.testsToday')} value={market.testsToday} />
        <Figure label={t('screenPage.positivesToday')} value={market.positivesToday} alert={market.positivesToday > 0} />
        <Figure label={t('list.blockedLots')} value={market.blockedLots} alert={market.blockedLots > 0} />
        <Figure label={t('screenPage.cleaning')} value={market.cleaningScore30Days ?? '—'} />
        <Figure
          label={t('screenPage.inspection')}
          value={market.inspectionPassPercent === null ? '—' : `${market.inspectionPassPercent}%`}
        />
        <Figure label={t('list.overdueScales')} value={market.overdueScales} alert={market.overdueScales > 0} />
      </section>
      <section style={{ display: 'grid', gridTemplateColumns: '1fr 1.4fr 1fr', gap: 16 }}>
        <div style={panel} data-testid="screen-blocked">
          <h2 style={heading}>{t('screenPage.blocked')}</h2>
          {data.blocked.length === 0 ? <p style={{ fontSize: 22, color: '#34d399' }}>{t('screenPage.noneBlocked')}</p> : null}
          {data.blocked.map((lot) => (
            <p key={`${lot.stallNumber}-${lot.product}-${lot.testedOn}`} style={{ fontSize: 24, color: '#f87171', margin: '6px 0' }}>
              {lot.stallNumber} · {lot.product} · {t(`items.${lot.item}`)} · {lot.testedOn}
            </p>
          ))}
        </div>
        <div style={panel} data-testid="screen-tests">
          <h2 style={heading}>{t('screenPage.tests')}</h2>
          <table style={{ width: '100%', fontSize: 20, borderCollapse: 'collapse' }}>
            <tbody>
              {data.tests.slice(0, 16).map((test) => (
                <tr key={test.id}>
                  <td>{test.stallNumber}</td>
                  <td>{test.product}</td>
                  <td>{t(`items.${test.item}`)}</td>
                  <td style={{ color: test.result === 'positive' ? '#f87171' : '#34d399' }}>{t(`results.${test.result}`)}</td>
                  <td>{t(`lots.${test.lotStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div style={panel} data-testid="screen-prices">
          <h2 style={heading}>{t('screenPage.prices')}</h2>
          <table style={{ width: '100%', fontSize: 22 }}>
            <tbody>
              {data.prices.map((price) => (
                <tr key={price.product}>
                  <td>{price.product}</td>
                  <td style={{ textAlign: 'right', color: price.flags.length ? '#fbbf24' : '#f8fafc' }}>{yuan(price.priceFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function DistrictScreen({ data }: { data: Extract<ScreenView, { kind: 'district' }> }) {
  const { t } = useTranslation('markets');
  return (
    <>
      <section style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 16, marginBottom: 16 }}>
        <Figure label={t('progress.markets')} value={data.progress.markets} />
        <Figure label={t('progress.atLeastThree')} value={`${data.progress.atLeastThreePercent}%`} />
        <Figure label={t('progress.urbanAtLeastTwo')} value={`${data.progress.urbanAtLeastTwo} / ${data.progress.urbanMarkets}`} />
        <Figure label={t('list.blockedLots')} value={data.markets.reduce((sum, market) => sum + market.blockedLots, 0)} alert />
      </section>
      <div style={panel}>
        <table style={{ width: '100%', fontSize: 22, borderCollapse: 'collapse' }} data-testid="screen-markets">
          <thead>
            <tr style={{ color: '#7dd3fc', textAlign: 'left' }}>
              <th>{t('list.name')}</th>
              <th>{t('list.stars')}</th>
              <th>{t('list.testsToday')}</th>
              <th>{t('screenPage.positivesToday')}</th>
              <th>{t('list.blockedLots')}</th>
              <th>{t('screenPage.cleaning')}</th>
              <th>{t('screenPage.inspection')}</th>
              <th>{t('list.overdueScales')}</th>
            </tr>
          </thead>
          <tbody>
            {data.markets.map((market) => (
              <tr key={market.id}>
                <td>{market.name}</td>
                <td style={{ color: '#fbbf24' }}>{stars(market.stars)}</td>
                <td>{market.testsToday}</td>
                <td style={{ color: market.positivesToday ? '#f87171' : undefined }}>{market.positivesToday}</td>
                <td style={{ color: market.blockedLots ? '#f87171' : undefined }}>{market.blockedLots}</td>
                <td>{market.cleaningScore30Days ?? '—'}</td>
                <td>{market.inspectionPassPercent === null ? '—' : `${market.inspectionPassPercent}%`}</td>
                <td>{market.overdueScales}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * 智慧农贸市场大屏 at 1920×1080 (a kiosk): a market's four core data, or the district's markets; opened with a revocable
 * token in the address's fragment (decision 0022), refreshed every 30 seconds; stall numbers and products, no person.
 */
export function MarketScreenPage() {
  const { t } = useTranslation('markets');
  const token = tokenFromHash(window.location.hash);
  const screen = useMarketScreen(token);
  useEffect(() => {
    document.title = t('screenPage.title');
  }, [t]);
  if (!token || screen.error instanceof MarketScreenTokenRejected)
    return (
      <main style={frame} data-testid="screen-denied">
        <h1 style={{ fontSize: 40 }}>{t('screenPage.denied')}</h1>
      </main>
    );
  const data = screen.data;
  return (
    <main style={frame} data-testid="market-screen">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginBottom: 16 }}>
        <h1 style={{ margin: 0, fontSize: 40, color: '#f8fafc', letterSpacing: 4 }}>
          {data?.kind === 'market' ? data.market.name : t('screenPage.districtTitle')}
        </h1>
        <div style={{ fontSize: 22, color: '#94a3b8' }}>{data?.today ?? ''}</div>
      </header>
      {data?.kind === 'market' ? <MarketScreen data={data} /> : null}
      {data?.kind === 'district' ? <DistrictScreen data={data} /> : null}
    </main>
  );
}
