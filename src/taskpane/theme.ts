/**
 * The pane's look follows Office's: Excel in a dark theme gets a dark pane, Windows' high-contrast mode
 * the high-contrast one, everything else the light one. Office tells its theme as colours
 * (its `officeTheme`, read by src/excel/host.ts); the choice is made from the body's
 * background colour rather than `isDarkTheme` or `themeId`, which not every host fills in.
 */
import { type Theme, teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { OfficeThemeColors } from '../excel/host';

/** The three looks the pane has. */
export type PaneLook = 'light' | 'dark' | 'highContrast';

/** The relative luminance (WCAG 2) of a `#rrggbb` or `#rgb` colour; null for anything else. */
export function luminanceOf(color: string): number | null {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color.trim())?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const s = parseInt(full.slice(i, i + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when white text on the background contrasts more than black text would: (1.05)/(L+0.05) >
 * (L+0.05)/0.05, that is L below about 0.179. Office's Black and Dark Gray themes fall well below it,
 * Colorful and White well above.
 */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

/**
 * The pane's look: high contrast whenever the system forces its colours (Windows' contrast themes, which
 * Office follows), else dark or light by Office's body background; light when Office tells no theme.
 */
export function paneLookOf(colors: OfficeThemeColors | null, forcedColors: boolean): PaneLook {
  if (forcedColors) return 'highContrast';
  const luminance = colors === null ? null : luminanceOf(colors.bodyBackgroundColor);
  return luminance !== null && luminance < DARK_BELOW ? 'dark' : 'light';
}

/** The Fluent theme of a look. */
export function fluentThemeOf(look: PaneLook): Theme {
  switch (look) {
    case 'dark':
      return webDarkTheme;
    case 'highContrast':
      return teamsHighContrastTheme;
    case 'light':
      return webLightTheme;
  }
}
