// Applies the stored (or system) colour theme before the first paint, so there is no flash.
// Kept in sync with web/src/lib/theme.ts (storage key "np-theme", values "light" | "dark").
(() => {
  let dark = false;
  try {
    const stored = localStorage.getItem('np-theme');
    dark =
      stored === 'dark' || (stored !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  } catch {
    // Storage blocked: fall back to light.
  }
  document.documentElement.classList.toggle('dark', dark);
})();
