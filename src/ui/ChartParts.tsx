import { For } from 'solid-js';
import './chart-parts.css';

/** One line of a chart, as its key shows it. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: boolean;
}

/** The key of a chart's lines (uPlot's own legend is off: it would not follow the language). */
export function ChartLegend(props: { items: readonly LegendItem[] }) {
  return (
    <ul class="chart__legend">
      <For each={props.items}>
        {(item) => (
          <li>
            <span class="chart__key" classList={{ 'chart__key--dash': item.dash }} style={{ color: item.color }} />
            {item.label}
          </li>
        )}
      </For>
    </ul>
  );
}

/** One epoch's row of a chart's numbers: its heading and its formatted values. */
export interface NumbersRow {
  head: string;
  cells: readonly string[];
}

/** A chart's numbers as a table behind a disclosure: exact values, and the chart for screen readers. */
export function ChartNumbers(props: {
  summary: string;
  corner: string;
  columns: readonly string[];
  rows: readonly NumbersRow[];
}) {
  return (
    <details class="chart__data">
      <summary>{props.summary}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.corner}</th>
            <For each={props.columns}>{(c) => <th scope="col">{c}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <th scope="row">{row.head}</th>
                <For each={row.cells}>{(cell) => <td>{cell}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </details>
  );
}
