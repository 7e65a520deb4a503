import { setTheme, useTheme } from '../lib/theme';
import { MoonIcon, SunIcon } from './Icons';

export function ThemeToggle() {
  const theme = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      aria-pressed={dark}
      title={dark ? 'Dark theme is on' : 'Dark theme is off'}
      className="inline-flex size-10 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-200/70 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {dark ? <MoonIcon /> : <SunIcon />}
      <span className="sr-only">Dark theme</span>
    </button>
  );
}
