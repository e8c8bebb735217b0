/** The pane's look from Office's theme colours and the system's forced colours. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { fluentThemeOf, luminanceOf, paneLookOf } from '../../src/taskpane/theme';

/** Office's themes as Excel reports them (body background; the other colours do not decide). */
const theme = (bodyBackgroundColor: string) => ({ bodyBackgroundColor, bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' });

describe('the pane follows Office’s theme', () => {
  test('luminance of hex colours', () => {
    expect(luminanceOf('#ffffff')).toBeCloseTo(1, 10);
    expect(luminanceOf('#000')).toBe(0);
    expect(luminanceOf('#808080')).toBeCloseTo(0.2159, 4);
    expect(luminanceOf('rgb(0,0,0)')).toBeNull();
    expect(luminanceOf('')).toBeNull();
  });

  test('Black and Dark Gray are dark; Colorful, White and no theme at all are light', () => {
    expect(paneLookOf(theme('#262626'), false)).toBe('dark');
    expect(paneLookOf(theme('#000000'), false)).toBe('dark');
    expect(paneLookOf(theme('#444444'), false)).toBe('dark');
    expect(paneLookOf(theme('#FFFFFF'), false)).toBe('light');
    expect(paneLookOf(theme('#F3F3F3'), false)).toBe('light');
    expect(paneLookOf(theme('#D4D4D4'), false)).toBe('light');
    expect(paneLookOf(null, false)).toBe('light');
    // An unreadable colour decides nothing: light, the pane's look before it followed Office.
    expect(paneLookOf(theme('transparent'), false)).toBe('light');
    // The boundary: white text contrasts better below L ≈ 0.179 (#767676 is just above, #757575 just below).
    expect(paneLookOf(theme('#777777'), false)).toBe('light');
    expect(paneLookOf(theme('#737373'), false)).toBe('dark');
  });

  test('forced colours (a Windows contrast theme) win over any Office theme', () => {
    expect(paneLookOf(theme('#ffffff'), true)).toBe('highContrast');
    expect(paneLookOf(theme('#262626'), true)).toBe('highContrast');
    expect(paneLookOf(null, true)).toBe('highContrast');
  });

  test('each look has its Fluent theme', () => {
    expect(fluentThemeOf('light')).toBe(webLightTheme);
    expect(fluentThemeOf('dark')).toBe(webDarkTheme);
    expect(fluentThemeOf('highContrast')).toBe(teamsHighContrastTheme);
    expect(webDarkTheme.colorNeutralBackground1).toBe('#292929');
  });
});
