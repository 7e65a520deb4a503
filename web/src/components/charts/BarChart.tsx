import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what bar charts need, so the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family =
  'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/**
 * A Chart.js bar chart on a canvas. Canvas drawing needs no inline styles (Chart.js sizes the
 * canvas through the CSSOM), so it works under the strict CSP. The parent sets the height.
 * The canvas is hidden from assistive technology: every chart comes with a data table.
 */
export function BarChart({ config }: { config: ChartConfiguration<'bar'> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = new Chart(ref.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div aria-hidden="true" className="absolute inset-0">
      <canvas ref={ref} />
    </div>
  );
}
