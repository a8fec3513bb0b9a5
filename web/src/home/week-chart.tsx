import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs; loaded lazily, so only the dashboards pay for ECharts.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Bars {
  name: string;
  values: number[];
}

/** Counts per category (weeks, reviewers) as grouped bars; the numbers are also printed beside. */
export default function BarsChart(p: { categories: string[]; bars: Bars[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: p.categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: p.bars.map((b) => ({ name: b.name, type: 'bar', data: b.values })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [p.categories, p.bars]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={p.label}
      className="zp-bars-chart"
      style={{ height: 220 }}
    />
  );
}
