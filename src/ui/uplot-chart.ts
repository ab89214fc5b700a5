// The uPlot set-up the lab's curves and the retraining chart share.
import { onCleanup } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** What differs between the charts: axes, series, extra scales (x is always epochs) and bands. */
export type ChartSpec = Pick<uPlot.Options, 'axes' | 'series' | 'bands'> & { scales?: uPlot.Scales };

/** An axis in `host`'s text colour with faint grid lines and ticks, labelled in `fontPx` system-ui. */
export function axisStyle(host: HTMLElement, fontPx: number): uPlot.Axis {
  const grid = { stroke: 'rgba(128, 128, 128, 0.22)', width: 1 };
  return { stroke: getComputedStyle(host).color, grid, ticks: grid, font: `${fontPx}px system-ui, sans-serif` };
}

/**
 * Draws `data` into `host` as a uPlot chart `height` px high that follows host's width (at least
 * 200 px), without legend or drag-zoom; destroyed when the calling reactive scope is cleaned up.
 */
export function mountChart(host: HTMLElement, height: number, spec: ChartSpec, data: uPlot.AlignedData): void {
  const width = () => Math.max(200, host.clientWidth);
  const chart = new uPlot(
    {
      width: width(),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false, setScale: false } },
      ...spec,
      scales: { x: { time: false }, ...spec.scales },
    },
    data,
    host,
  );
  const resize = new ResizeObserver(() => chart.setSize({ width: width(), height }));
  resize.observe(host);
  onCleanup(() => {
    resize.disconnect();
    chart.destroy();
  });
}
