import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Colours of both themes: the office pages (light) and the big screen (dark). */
const palettes = { light: ['#1d4ed8', '#93c5fd', '#f59e0b'], dark: ['#38bdf8', '#64748b', '#fbbf24'] };

/** One ECharts instance for a div, resized with the window, disposed with the component. */
export function useChart(option: echarts.EChartsCoreOption) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    if (!element.current) return;
    echarts.getInstanceByDom(element.current)?.setOption(option, { notMerge: true });
  }, [option]);
  return element;
}

export interface TrendSeries {
  name: string;
  values: (number | null)[];
}

/** Month by month: this year against the year before, as lines. */
export function TrendChart({
  categories,
  series,
  height = 260,
  theme = 'light',
  testId = 'trend-chart',
}: {
  categories: string[];
  series: TrendSeries[];
  height?: number;
  theme?: 'light' | 'dark';
  testId?: string;
}) {
  const text = theme === 'dark' ? '#cbd5e1' : '#475569';
  const element = useChart({
    color: palettes[theme],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: text } },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { color: text } },
    yAxis: { type: 'value', axisLabel: { color: text }, splitLine: { lineStyle: { color: theme === 'dark' ? '#1e293b' : '#e2e8f0' } } },
    series: series.map((item, index) => ({
      type: 'line',
      name: item.name,
      data: item.values,
      smooth: true,
      lineStyle: { width: index === 0 ? 3 : 2, type: index === 0 ? 'solid' : 'dashed' },
    })),
  });
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}

/** Shares of a whole (the five colours of the catering units), each slice in its own colour. */
export function ShareChart({
  slices,
  height = 260,
  theme = 'light',
  testId = 'share-chart',
}: {
  slices: { name: string; value: number; colour: string }[];
  height?: number;
  theme?: 'light' | 'dark';
  testId?: string;
}) {
  const element = useChart({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: theme === 'dark' ? '#cbd5e1' : '#475569' } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        label: { color: theme === 'dark' ? '#e2e8f0' : '#334155', formatter: '{b} {c}' },
        data: slices.map((slice) => ({ name: slice.name, value: slice.value, itemStyle: { color: slice.colour } })),
      },
    ],
  });
  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
