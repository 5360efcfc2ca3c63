import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '@/lib/money';
import type { DaySales } from '@/types/api';

// Only the parts drawn here: ECharts whole is ~1 MB; this chunk loads with the dashboard, after its numbers.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Revenue (bars, yuan) and orders (line) per day; the table beside it gives the same numbers as text. */
export default function SalesChart({ days }: { days: DaySales[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 40, top: 40, bottom: 28 },
      legend: { top: 0, data: [t('admin.dashboard.revenue'), t('admin.dashboard.orders')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', min: 0, minInterval: 100, axisLabel: { formatter: (fen: number) => formatFen(fen).replace(/\.00$/, '') } },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('admin.dashboard.revenue'),
          type: 'bar',
          data: days.map((d) => d.revenue),
          itemStyle: { color: '#1677ff' },
          tooltip: { valueFormatter: (fen: number) => formatFen(fen) },
        },
        { name: t('admin.dashboard.orders'), type: 'line', yAxisIndex: 1, data: days.map((d) => d.orders), itemStyle: { color: '#d4380d' } },
      ],
    });
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days, t]);

  return <div ref={element} role="img" aria-label={t('admin.dashboard.chartLabel')} style={{ width: '100%', height: 280 }} data-testid="sales-chart" />;
}
