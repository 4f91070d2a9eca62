import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

interface ChartProps {
  readonly title: string;
  readonly kind: 'bar' | 'line';
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly unit?: '%' | 'min' | '';
  readonly testId?: string;
}

/**
 * One ECharts chart. The series are also written to `data-series` and shown in a table under the chart, so a
 * screen reader — and a test — reads the same numbers the canvas draws.
 */
export function Chart({ title, kind, categories, series, unit = '', testId }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const option: EChartsCoreOption = {
      animation: false,
      // Canvas-drawn tooltips: the HTML ones carry inline style attributes, which the console's CSP (style-src 'self') refuses.
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: categories.length > 12 ? 56 : 32 },
      xAxis: { type: 'category', data: [...categories], axisLabel: { rotate: categories.length > 12 ? 45 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` }, max: unit === '%' ? 100 : undefined },
      series: series.map((one) => ({ name: one.name, type: kind, data: [...one.values], connectNulls: false })),
    };
    chart.current?.setOption(option, true);
  }, [categories, series, kind, unit]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div
        ref={element}
        className="chart-canvas"
        role="img"
        aria-label={title}
        data-series={JSON.stringify(series)}
        data-categories={JSON.stringify(categories)}
      />
      <details>
        <summary>{title} — 数据表 / data</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col" />
              {series.map((one) => (
                <th key={one.name} scope="col">
                  {one.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, row) => (
              <tr key={`${category}-${row}`}>
                <th scope="row">{category}</th>
                {series.map((one) => (
                  <td key={one.name}>{one.values[row] === null ? '—' : `${one.values[row]}${unit}`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
