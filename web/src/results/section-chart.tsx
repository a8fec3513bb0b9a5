import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs: the full ECharts build is several times larger.
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export interface Bar {
  label: string;
  /** 0–100 */
  value: number;
}

/** Section scores as horizontal bars; loaded lazily so no other page pays for ECharts. */
export default function SectionChart({ bars, label }: { bars: Bar[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => `${v}`,
      },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: 5 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((b) => b.label),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: bars.map((b) => ({
            value: Math.round(b.value * 10) / 10,
            itemStyle: { color: b.value >= 80 ? '#389e0d' : b.value >= 60 ? '#d48806' : '#cf1322' },
          })),
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
        },
      ],
    });
    const resize = () => chart.resize();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null;
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [bars]);
  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      className="zp-chart"
      style={{ height: Math.max(160, bars.length * 36 + 24) }}
    />
  );
}
