import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { FONT } from './fonts.ts';

// Only what the one chart needs, so the server loads a fraction of ECharts.
echarts.use([BarChart, GridComponent, SVGRenderer]);

export interface ChartBar {
  label: string;
  /** 0–1 */
  ratio: number;
}

/** Bar colours by how much of a section is met: the same bands a reader scans the table by. */
export const ratioColour = (r: number): string =>
  r >= 0.8 ? '#2e7d32' : r >= 0.6 ? '#ef8f00' : '#c62828';

const LABEL_SIZE = 11;
const ROW = 26;

/**
 * A horizontal bar chart of section ratios as an SVG string, sized in points
 * (pdfmake draws one SVG pixel as one point). Text is set in the report's
 * font family so pdfmake maps it to the embedded CJK font.
 */
export function sectionChartSvg(bars: readonly ChartBar[], width: number): string {
  const height = bars.length * ROW + 36;
  // CJK glyphs are one em wide; leave room for the longest section name, within reason.
  const longest = Math.max(...bars.map((b) => [...b.label].length), 4);
  const labelWidth = Math.min(longest * LABEL_SIZE + 8, width * 0.4);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: LABEL_SIZE },
      grid: { left: labelWidth + 8, right: 48, top: 6, bottom: 24 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 20,
        axisLabel: { formatter: '{value}%', color: '#666', fontFamily: FONT },
        splitLine: { lineStyle: { color: '#e3e5e8' } },
      },
      yAxis: {
        type: 'category',
        inverse: true, // first section at the top, as in the table below
        data: bars.map((b) => b.label),
        axisTick: { show: false },
        axisLabel: {
          color: '#333',
          fontFamily: FONT,
          width: labelWidth,
          overflow: 'truncate',
        },
      },
      series: [
        {
          type: 'bar',
          barWidth: 14,
          data: bars.map((b) => ({
            value: Math.round(b.ratio * 1000) / 10,
            itemStyle: { color: ratioColour(b.ratio) },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: '{c}%',
            color: '#333',
            fontFamily: FONT,
            // The default white halo relies on SVG paint-order, which pdfkit's
            // SVG renderer ignores: the halo would be painted over the digits.
            textBorderWidth: 0,
          },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
