import type { Theme } from './theme';

/** Canvas charts cannot use CSS classes, so they get Tailwind's colours as values, per theme. */
export interface ChartPalette {
  text: string;
  grid: string;
  tooltipBg: string;
  tooltipText: string;
  primary: string;
  secondary: string;
  mastered: string;
  seen: string;
  unseen: string;
}

const palettes: Record<Theme, ChartPalette> = {
  light: {
    text: '#475569', // slate-600
    grid: '#e2e8f0', // slate-200
    tooltipBg: '#0f172a', // slate-900
    tooltipText: '#f8fafc', // slate-50
    primary: '#059669', // emerald-600
    secondary: '#8b5cf6', // violet-500
    mastered: '#047857', // emerald-700
    seen: '#6ee7b7', // emerald-300
    unseen: '#e2e8f0', // slate-200
  },
  dark: {
    text: '#94a3b8', // slate-400
    grid: '#1e293b', // slate-800
    tooltipBg: '#f1f5f9', // slate-100
    tooltipText: '#0f172a', // slate-900
    primary: '#34d399', // emerald-400
    secondary: '#a78bfa', // violet-400
    mastered: '#34d399', // emerald-400
    seen: '#047857', // emerald-700
    unseen: '#334155', // slate-700
  },
};

export const chartPalette = (theme: Theme): ChartPalette => palettes[theme];

export const prefersReducedMotion = (): boolean =>
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** What every chart of ours shares: it fills its box and does not animate for those who asked not to. */
export const baseChartOptions = () => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: prefersReducedMotion() ? (false as const) : { duration: 400 },
});

/** A legend above the chart, in the theme's text colour. */
export const topLegend = (p: ChartPalette) => ({
  position: 'top' as const,
  align: 'start' as const,
  labels: { color: p.text, boxWidth: 12, boxHeight: 12 },
});

/** Tooltip colours for the theme. */
export const tooltipColors = (p: ChartPalette) => ({
  backgroundColor: p.tooltipBg,
  titleColor: p.tooltipText,
  bodyColor: p.tooltipText,
});

/** A height class for a horizontal bar chart of `rows` rows (classes must be literal for Tailwind). */
export function rowsHeightClass(rows: number): string {
  if (rows <= 4) return 'h-56';
  if (rows <= 8) return 'h-80';
  if (rows <= 12) return 'h-[28rem]';
  if (rows <= 16) return 'h-[36rem]';
  return 'h-[48rem]';
}
