import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the bar chart needs, so the registry pages do not pull the whole of ECharts.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
}

/** A grouped bar chart: one group per category, one bar per series (this year, a year earlier). */
export function StatisticsBarChart({ categories, series, height = 320 }: { categories: string[]; series: BarSeries[]; height?: number }) {
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
    const chart = echarts.getInstanceByDom(element.current);
    chart?.setOption(
      {
        color: ['#1d4ed8', '#93c5fd'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: series.map((item) => ({ type: 'bar', name: item.name, data: item.values, barMaxWidth: 32 })),
      },
      { notMerge: true },
    );
  }, [categories, series]);

  return <div ref={element} style={{ width: '100%', height }} data-testid="statistics-chart" />;
}
