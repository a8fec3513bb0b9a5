import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// Each registers itself with echarts/core on import. `echarts/charts` and
// `echarts/components` would do the same for BarChart and GridComponent,
// but Node does not tree-shake: they load every chart and component, which
// tripled the time to import this module (and so the first report).
import 'echarts/lib/chart/bar';
import 'echarts/lib/component/gridSimple';

import { FONT } from './fonts.ts';

echarts.use([SVGRenderer]);

export interface ChartBar {
  label: string;
  /** 0–1 */
  ratio: number;
}

/** Bar colours by how much of a section is met: the same bands a reader scans the table by. */
export const ratioColour = (r: number): string =>
  r >= 0.8 ? '#2e7d32' : r >= 0.6 ? '#ef8f00' : '#c62828';

const LABEL_SIZE = 10;
const ROW = 24;

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
        axisLabel: { formatter: '{value}%', color: '#666', fontFamily: FONT, fontSize: 9 },
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
            fontSize: 9,
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
