/**
 * Kaplan's two periods (test/helpers/kaplan-periods.ts) with their Period setting, as Keep period keeps
 * them: 2025 (0.80 a minute) and 2026 (0.85, A orders 150, C new). A's net profit 38,928 → 42,555 (+3,627),
 * B's 18,504 → 18,427.50 (−76.50), C new with 432; with `withD`, D's 872 → −36 (profit to loss).
 */
import { type PeriodFigures, figuresOfResult } from '../../src/engine/compare/figures';
import type { CostingResult } from '../../src/engine/result';
import { type KaplanPeriod, kaplanPeriod } from './kaplan-periods';

/** The earlier period, labelled `period` (2025 unless given); `changes` alters it (a budget). */
export function kaplan2025(options: { withD?: boolean; period?: string; changes?: Partial<KaplanPeriod> } = {}): CostingResult {
  const d = options.withD === true ? { d: [3000, 2000] as [number, number] } : {};
  return kaplanPeriod({ cost: 560000, inquiryMinutes: 44, ordersA: 100, withC: false, revenueA: 100000, cogsA: 60000, period: options.period ?? '2025', ...d, ...options.changes });
}

/** This period, labelled `period` (2026 unless given). */
export function kaplan2026(options: { withD?: boolean; period?: string } = {}): CostingResult {
  const d = options.withD === true ? { d: [1200, 1100] as [number, number] } : {};
  return kaplanPeriod({ cost: 595000, inquiryMinutes: 40, ordersA: 150, withC: true, revenueA: 110000, cogsA: 66000, period: options.period ?? '2026', ...d });
}

/** The two periods' figures. */
export function kaplanFigures(): { before: PeriodFigures; after: PeriodFigures } {
  return { before: figuresOfResult(kaplan2025()), after: figuresOfResult(kaplan2026()) };
}
