/** The pane's look as a React hook: Office's theme, and the system's forced colours as they change. */
import * as React from 'react';
import type { OfficeThemeColors } from '../../excel/host';
import { type PaneLook, paneLookOf } from '../theme';

const FORCED_COLORS = '(forced-colors: active)';

/** True while the system forces its colours (a Windows contrast theme); follows changes. */
function useForcedColors(): boolean {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(FORCED_COLORS) : null;
  const [forced, setForced] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (query === null) return undefined;
    const changed = (): void => setForced(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [query?.media]);
  return forced;
}

/**
 * The look for Office's `theme`. The page around the pane takes the look's colour scheme too, so the
 * browser's own parts (scroll bars, the file dialog's button) are not light in a dark pane.
 */
export function usePaneLook(theme: OfficeThemeColors | null): PaneLook {
  const look = paneLookOf(theme, useForcedColors());
  React.useEffect(() => {
    if (typeof document === 'undefined') return;
    document.documentElement.style.colorScheme = look === 'light' ? 'light' : 'dark';
    document.documentElement.dataset.look = look;
  }, [look]);
  return look;
}
