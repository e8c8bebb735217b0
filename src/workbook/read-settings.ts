/**
 * `ABC_Settings`: Currency, Period, UnusedCapacity, Language, OrderDriver, OrderLineDriver, StatementSegment, MinutesPerFTE,
 * Dimensions, OrderFollowingDrivers, PlausibleFeeShare, SupportMethod, DefaultRange, Simulations and Seed as
 * Setting / Value pairs.
 */
import type { MessageLanguage } from '../engine/message-args';
import type { SupportMethod } from '../engine/support/types';
import { DEFAULT_SETTINGS, nameKey, type Settings, type UnusedCapacityMode } from '../engine/model';
import { quoteSheet } from '../engine/issues';
import { type SettingKey, msg } from '../engine/messages';
import { readNumberCell, showValue } from './cells';
import { readDefaultRange, readWholeNumber } from './read-sensitivity-settings';
import { CONTRACT_HEADERS } from './contract-spec';
import { type CellValue, isCellError } from './grid';
import { matchHeaders } from './headers';
import { INVALID, type RangeReader } from './range-reader';

/** Setting names (spaces removed, lower case) in English and Dutch. */
export const SETTING_NAMES: ReadonlyArray<{ key: SettingKey; en: string; nl: string }> = [
  { key: 'currency', en: 'Currency', nl: 'Valuta' },
  { key: 'period', en: 'Period', nl: 'Periode' },
  { key: 'unusedCapacity', en: 'UnusedCapacity', nl: 'OngebruikteCapaciteit' },
  { key: 'language', en: 'Language', nl: 'Taal' },
  { key: 'orderDriver', en: 'OrderDriver', nl: 'Orderdrijver' },
  { key: 'orderLineDriver', en: 'OrderLineDriver', nl: 'Orderregeldrijver' },
  { key: 'statementSegment', en: 'StatementSegment', nl: 'Vergelijkingssegment' },
  { key: 'minutesPerFte', en: 'MinutesPerFTE', nl: 'MinutenPerFTE' },
  { key: 'dimensions', en: 'Dimensions', nl: 'Dimensies' },
  { key: 'orderFollowingDrivers', en: 'OrderFollowingDrivers', nl: 'Ordervolgendedrijvers' },
  { key: 'plausibleFeeShare', en: 'PlausibleFeeShare', nl: 'AanvaardbareToeslag' },
  { key: 'supportMethod', en: 'SupportMethod', nl: 'Doorbelastingsmethode' },
  { key: 'defaultRange', en: 'DefaultRange', nl: 'Standaardbandbreedte' },
  { key: 'simulations', en: 'Simulations', nl: 'Simulaties' },
  { key: 'seed', en: 'Seed', nl: 'Startgetal' },
];

/** The most Monte Carlo draws `Simulations` may ask for: enough for steady percentiles, still quick in a task pane. */
export const MAX_SIMULATIONS = 100_000;
/** The largest `Seed`: the draws are seeded with a 32-bit unsigned number. */
export const MAX_SEED = 4_294_967_295;

/** Values of UnusedCapacity in English and Dutch. */
export const UNUSED_CAPACITY_VALUES: ReadonlyArray<{ mode: UnusedCapacityMode; en: string; nl: string }> = [
  { mode: 'report', en: 'report', nl: 'rapporteren' },
  { mode: 'assign', en: 'assign', nl: 'toerekenen' },
];

/** Values of SupportMethod in English and Dutch; the first is the default. */
export const SUPPORT_METHOD_VALUES: ReadonlyArray<{ method: SupportMethod; en: string; nl: string }> = [
  { method: 'reciprocal', en: 'reciprocal', nl: 'wederzijds' },
  { method: 'step-down', en: 'step-down', nl: 'stapsgewijs' },
  { method: 'direct', en: 'direct', nl: 'direct' },
];

/**
 * Values of Language: the code, or the language's name in English or in Dutch (matched ignoring case and
 * surrounding spaces). Nothing else is guessed at: `NL-nl`, `Vlaams` or `Deutsch` are INVALID_SETTING.
 */
export const LANGUAGE_VALUES: ReadonlyArray<{ language: MessageLanguage; values: readonly string[] }> = [
  { language: 'en', values: ['en', 'English', 'Engels'] },
  { language: 'nl', values: ['nl', 'Nederlands', 'Dutch'] },
];

/** An ISO code (EUR) or a short symbol (€, $, kr): it ends up in number formats, so nothing else is let in. */
const CURRENCY = /^[\p{L}\p{Sc}]{1,5}$/u;

function compact(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

const BY_NAME = new Map<string, SettingKey>();
for (const s of SETTING_NAMES) {
  BY_NAME.set(compact(s.en), s.key);
  BY_NAME.set(compact(s.nl), s.key);
}
const LANGUAGES = new Map<string, MessageLanguage>();
for (const l of LANGUAGE_VALUES) for (const v of l.values) LANGUAGES.set(v.toLowerCase(), l.language);
const MODES = new Map<string, UnusedCapacityMode>();
for (const v of UNUSED_CAPACITY_VALUES) {
  MODES.set(v.en, v.mode);
  MODES.set(v.nl, v.mode);
}

const SUPPORT_METHODS = new Map<string, SupportMethod>();
for (const v of SUPPORT_METHOD_VALUES) {
  SUPPORT_METHODS.set(v.en, v.method);
  SUPPORT_METHODS.set(v.nl, v.method);
}

/** The settings and the rows read. */
export interface SettingsRead {
  settings: Settings;
  dataRows: number;
}

/**
 * Reads the settings. Names match case-insensitively with spaces ignored ("Unused capacity"). Language is
 * left out of the settings when not given, so the runner's --lang (or the task pane's language) applies. An unknown
 * name is UNKNOWN_SETTING (a warning: the run goes on with the defaults); an invalid value or a setting
 * given twice is INVALID_SETTING; a blank value keeps the default.
 */
export function readSettings(reader: RangeReader | null): SettingsRead {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (reader === null) return { settings, dataRows: 0 };
  const match = matchHeaders(reader, CONTRACT_HEADERS.ABC_Settings);
  const setting = match.columns.get('setting');
  const value = match.columns.get('value');
  const seen = new Map<SettingKey, string>();
  const dataRows = reader.forEachDataRow((r) => {
    if (setting === undefined || value === undefined) return;
    const name = reader.requiredText(r, setting, 'settingName');
    if (name === null) return;
    const key = BY_NAME.get(compact(name));
    if (key === undefined) {
      reader.report('warning', 'UNKNOWN_SETTING', msg('unknownSetting', { name }), r, setting);
      return;
    }
    const at = reader.where(r, setting);
    const first = seen.get(key);
    if (first !== undefined) {
      reader.report('error', 'INVALID_SETTING', msg('settingTwice', { name, first }), r, setting, at);
      return;
    }
    seen.set(key, `${quoteSheet(reader.sheet)}!${at.cell ?? ''}`);
    applySetting(reader, settings, key, r, value);
  });
  return { settings, dataRows };
}

function applySetting(reader: RangeReader, settings: Settings, key: SettingKey, r: number, column: number): void {
  const raw = reader.cell(r, column);
  if (isCellError(raw)) {
    reader.report('error', 'ERROR_VALUE', msg('settingErrorValue', { setting: key, error: raw.error }), r, column);
    return;
  }
  const text = reader.text(r, column);
  if (text === null || text === INVALID) return;
  switch (key) {
    case 'currency':
      if (typeof raw === 'string' && CURRENCY.test(text)) settings.currency = /^[a-z]{3}$/i.test(text) ? text.toUpperCase() : text;
      else invalid(reader, r, column, key, raw);
      return;
    case 'period':
      settings.period = text;
      return;
    case 'unusedCapacity': {
      const mode = MODES.get(text.toLowerCase());
      if (mode !== undefined && typeof raw === 'string') settings.unusedCapacity = mode;
      else invalid(reader, r, column, key, raw);
      return;
    }
    case 'supportMethod': {
      // Only when given: a model without it must read exactly as before (the engine defaults to reciprocal).
      const method = SUPPORT_METHODS.get(text.trim().toLowerCase());
      if (method !== undefined && typeof raw === 'string') settings.supportMethod = method;
      else invalid(reader, r, column, key, raw);
      return;
    }
    case 'language': {
      const language = LANGUAGES.get(text.trim().toLowerCase());
      if (language !== undefined && typeof raw === 'string') settings.language = language;
      else invalid(reader, r, column, key, raw);
      return;
    }
    case 'orderDriver':
    case 'orderLineDriver':
    case 'statementSegment':
      // Checked against the drivers and dimensions by validateModel, which knows them.
      settings[key] = { name: text.trim(), where: reader.where(r, column) };
      return;
    case 'orderFollowingDrivers': {
      // A list such as "Delivery drops; Invoices", checked against the drivers by validateModel.
      const names = text.split(/[;,]/).map((n) => n.trim()).filter((n) => n !== '');
      if (names.length > 0) settings.orderFollowingDrivers = { names, where: reader.where(r, column) };
      return;
    }
    case 'plausibleFeeShare': {
      // A percentage (10%, or 0.1 in a cell formatted as a percentage or not); 10 is refused, not read as 10%.
      const reading = readNumberCell(raw, true);
      if (reading.kind === 'number' && reading.value.greaterThan(0) && reading.value.lessThanOrEqualTo(1)) settings.plausibleFeeShare = reading.value;
      else reader.report('error', 'INVALID_SETTING', msg('invalidPlausibleFeeShare', { found: showValue(raw) }), r, column);
      return;
    }
    case 'dimensions':
      // A list such as "Kortingen; Omzet 2023": headers meant as dimensions, matched like headers.
      settings.dimensions = text.split(/[;,]/).map((h) => nameKey(h)).filter((h) => h !== '');
      return;
    case 'defaultRange': {
      const range = readDefaultRange(raw);
      if (range !== null) settings.defaultRange = range;
      else reader.report('error', 'INVALID_SETTING', msg('invalidDefaultRange', { found: showValue(raw) }), r, column);
      return;
    }
    case 'simulations': {
      const draws = readWholeNumber(raw, 1, MAX_SIMULATIONS);
      if (draws !== null) settings.simulations = draws;
      else reader.report('error', 'INVALID_SETTING', msg('invalidSimulations', { found: showValue(raw) }), r, column);
      return;
    }
    case 'seed': {
      const seed = readWholeNumber(raw, 0, MAX_SEED);
      if (seed !== null) settings.seed = seed;
      else reader.report('error', 'INVALID_SETTING', msg('invalidSeed', { found: showValue(raw) }), r, column);
      return;
    }
    case 'minutesPerFte': {
      // A number cell, or a plain decimal as text; anything else (a percentage, 0, text) is refused.
      const reading = readNumberCell(raw, false);
      if (reading.kind === 'number' && reading.value.isPositive() && !reading.value.isZero()) settings.minutesPerFte = reading.value;
      else reader.report('error', 'INVALID_SETTING', msg('invalidMinutesPerFte', { found: showValue(raw) }), r, column);
      return;
    }
  }
}

/** Reports a value the setting cannot take; the message says what it can take. */
function invalid(reader: RangeReader, r: number, column: number, key: 'currency' | 'unusedCapacity' | 'language' | 'supportMethod', raw: CellValue | undefined): void {
  reader.report('error', 'INVALID_SETTING', msg('invalidSetting', { setting: key, found: showValue(raw) }), r, column);
}
