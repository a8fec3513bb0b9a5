import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a line chart needs; loaded lazily, so no other page pays for ECharts.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  name: string;
  /** 0–100 per round; null where the section did not apply. */
  values: (number | null)[];
  total?: boolean;
}

/** The total and each section, one point per round, over time. */
export default function TrendChart(p: { rounds: string[]; series: Series[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: p.rounds, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: p.series.map((s) => ({
        name: s.name,
        type: 'line',
        data: s.values.map((v) => (v === null ? null : Math.round(v * 10) / 10)),
        connectNulls: true,
        symbolSize: s.total ? 9 : 5,
        lineStyle: { width: s.total ? 3 : 1.5 },
      })),
    });
    const resize = () => chart.resize();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null;
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [p.rounds, p.series]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={p.label}
      data-rounds={p.rounds.length}
      className="zp-chart zp-trend"
      style={{ height: 320 }}
    />
  );
}
