import { useEffect, useState } from 'react';
import { riskColourHex, riskColours } from '../../components/colour-explanation.tsx';
import { ShareChart, TrendChart, useChart } from '../../components/trend-chart.tsx';
import { chinaTimeZone } from '../../lib/date-format.ts';
import { ScreenTokenRejected, type ScreenView, screenTokenFromHash, useScreenData } from './api.ts';

const colourNames = { green: '绿码', blue: '蓝码', yellow: '黄码', orange: '橙码', black: '黑码' } as const;
const panel = { background: '#0f1b2d', border: '1px solid #1e3a5f', borderRadius: 8, padding: 16, boxSizing: 'border-box' } as const;
const heading = { color: '#7dd3fc', fontSize: 20, margin: '0 0 8px' } as const;

function figureValue(figure: ScreenView['figures'][number]): string {
  if (figure.value === null) return '—';
  const text = figure.value.toLocaleString('en-US', { minimumFractionDigits: figure.decimals, maximumFractionDigits: figure.decimals });
  return figure.kind === 'rate' ? `${text}%` : text;
}

function StreetColours({ rows }: { rows: ScreenView['colourByStreet'] }) {
  const element = useChart({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: '#cbd5e1' } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { color: '#cbd5e1' }, splitLine: { lineStyle: { color: '#1e293b' } } },
    yAxis: { type: 'category', data: rows.map((row) => row.street), axisLabel: { color: '#e2e8f0', fontSize: 14 } },
    series: riskColours.map((colour) => ({
      type: 'bar',
      stack: 'colours',
      name: colourNames[colour],
      itemStyle: { color: colour === 'black' ? '#64748b' : riskColourHex[colour] },
      data: rows.map((row) => row[colour]),
    })),
  });
  return <div ref={element} style={{ width: '100%', height: 330 }} data-testid="screen-street-colours" />;
}

function PassRate({ rows }: { rows: ScreenView['samplingPassRate'] }) {
  const element = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => String(row.year)), axisLabel: { color: '#cbd5e1' } },
    yAxis: {
      type: 'value',
      min: 80,
      max: 100,
      axisLabel: { color: '#cbd5e1', formatter: '{value}%' },
      splitLine: { lineStyle: { color: '#1e293b' } },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((row) => row.value),
        itemStyle: { color: '#34d399' },
        label: { show: true, position: 'top', color: '#e2e8f0', formatter: '{c}%' },
      },
    ],
  });
  return <div ref={element} style={{ width: '100%', height: 250 }} data-testid="screen-pass-rate" />;
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return <span>{now.toLocaleString('zh-CN', { timeZone: chinaTimeZone, hour12: false })}</span>;
}

/**
 * 大屏 for a kiosk at 1920×1080: dark, read from across a room, refreshed every minute. Opened with a screen token
 * in the address's fragment, no sign-in; it shows counts and rates only.
 */
export function DistrictScreenPage() {
  const token = screenTokenFromHash(window.location.hash);
  const screen = useScreenData(token);
  useEffect(() => {
    document.title = '智监 · 区市场监管大屏';
  }, []);
  const frame = {
    width: 1920,
    minHeight: 1080,
    background: '#050b16',
    color: '#e2e8f0',
    fontFamily: 'system-ui, sans-serif',
    padding: 24,
    boxSizing: 'border-box',
  } as const;
  if (!token || screen.error instanceof ScreenTokenRejected)
    return (
      <main style={frame} data-testid="screen-denied">
        <h1 style={{ fontSize: 40 }}>大屏令牌无效或已撤销</h1>
        <p style={{ fontSize: 24 }}>请联系管理员在“大屏令牌”中重新生成大屏地址。</p>
      </main>
    );
  const data = screen.data;
  const months = Array.from({ length: 12 }, (_, index) => `${index + 1}月`);
  return (
    <main style={frame} data-testid="district-screen">
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', marginBottom: 16 }}>
        <h1 style={{ margin: 0, fontSize: 40, color: '#f8fafc', letterSpacing: 4 }}>{data?.districtName ?? '…'} 智慧市场监管</h1>
        <div style={{ fontSize: 22, color: '#94a3b8' }}>
          {data ? `${data.year}年 · ` : ''}
          <Clock />
        </div>
      </header>
      <section style={{ display: 'grid', gridTemplateColumns: 'repeat(8, 1fr)', gap: 12, marginBottom: 16 }} data-testid="screen-figures">
        {(data?.figures ?? []).map((figure) => (
          <div key={figure.key} style={{ ...panel, textAlign: 'center' }}>
            <div style={{ color: '#94a3b8', fontSize: 16 }}>{figure.name}</div>
            <div style={{ fontSize: 34, fontWeight: 700, color: '#f8fafc', margin: '6px 0' }}>{figureValue(figure)}</div>
            <div style={{ fontSize: 15, color: (figure.changePercent ?? 0) < 0 ? '#f87171' : '#34d399' }}>
              {figure.changePercent === null ? '\u00a0' : `同比 ${figure.changePercent >= 0 ? '+' : ''}${figure.changePercent.toFixed(2)}%`}
            </div>
          </div>
        ))}
      </section>
      <section style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 16 }}>
        <div style={panel}>
          <h2 style={heading}>投诉举报受理量（月度）</h2>
          <TrendChart
            theme="dark"
            height={330}
            testId="screen-complaint-trend"
            categories={months}
            series={[
              { name: `${data?.year ?? ''}年`, values: data?.complaintTrend.thisYear ?? [] },
              { name: `${(data?.year ?? 1) - 1}年`, values: data?.complaintTrend.lastYear ?? [] },
            ]}
          />
        </div>
        <div style={panel}>
          <h2 style={heading}>五色图 · 各街道餐饮单位</h2>
          <StreetColours rows={data?.colourByStreet ?? []} />
        </div>
        <div style={panel}>
          <h2 style={heading}>五色码占比</h2>
          <ShareChart
            theme="dark"
            height={330}
            testId="screen-colours"
            slices={riskColours.map((colour) => ({
              name: colourNames[colour],
              value: data?.colours[colour] ?? 0,
              colour: colour === 'black' ? '#64748b' : riskColourHex[colour],
            }))}
          />
        </div>
        <div style={panel}>
          <h2 style={heading}>食品监督抽检合格率</h2>
          <PassRate rows={data?.samplingPassRate ?? []} />
        </div>
        <div style={{ ...panel, gridColumn: 'span 2' }} data-testid="screen-alerts">
          <h2 style={heading}>今日提醒</h2>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 12 }}>
            {(data?.alerts ?? []).map((alert) => (
              <div key={alert.key} style={{ background: '#111f35', borderRadius: 8, padding: 20, textAlign: 'center' }}>
                <div style={{ fontSize: 48, fontWeight: 700, color: alert.count > 0 ? '#fbbf24' : '#34d399' }}>
                  {alert.count.toLocaleString('en-US')}
                </div>
                <div style={{ fontSize: 18, color: '#cbd5e1' }}>{alert.name}</div>
              </div>
            ))}
          </div>
        </div>
      </section>
    </main>
  );
}
