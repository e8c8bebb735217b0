/**
 * The runner's sentences about comparing periods (`--compare`, `--compare-period`, `--label-earlier`,
 * `--svg-bridge`), in English and Dutch; kept apart from cli-text.ts so that catalogue stays one subject.
 */
import type { ReportLanguage } from '../workbook/report-layout';

/** The sentences of one language. */
export interface CompareText {
  cannotRead: (path: string, reason: string) => string;
  earlierUnreadable: (path: string, problem: string) => string;
  notAModel: (path: string) => string;
  earlierHasErrors: (path: string) => string;
  earlierIssuesHeading: (path: string) => string;
  noSuchPeriod: (period: string, kept: readonly string[]) => string;
  historyBroken: string;
  valueMissing: (flag: string) => string;
  bothSources: string;
  outputIsEarlier: (output: string, earlier: string) => string;
  labelWithoutCompare: string;
  notCompared: (path: string) => string;
  comparedWith: (earlier: string, source: string) => string;
  profitLine: (before: string, after: string, change: string) => string;
  partsLine: (parts: string) => string;
  crossings: (toLoss: number, toProfit: number) => string;
  parts: { revenue: string; discounts: string; cogs: string; activityVolume: string; activityRate: string; unused: string; directCosts: string; unusedNotCharged: string; unassigned: string };
}

const EN: CompareText = {
  cannotRead: (path, reason) => `--compare ${path}: cannot be read (${reason}).`,
  earlierUnreadable: (path, problem) => `--compare ${path}: ${problem}`,
  notAModel: (path) => `--compare ${path}: not a model or a report of one: it has none of the named ranges ABC_Pools, ABC_Activities and ABC_Customers, and it is not a --json result. Nothing written.`,
  earlierHasErrors: (path) => `--compare ${path}: the earlier period cannot be costed (its problems are listed above). Nothing written.`,
  earlierIssuesHeading: (path) => `In the earlier period (${path}):`,
  noSuchPeriod: (period, kept) =>
    `--compare-period ${period}: no such period in ABC_History${kept.length === 0 ? ' (no period is kept; keep one with --keep)' : ` (kept: ${kept.join(', ')})`}. Nothing written.`,
  historyBroken: 'ABC_History has problems (listed above): the comparison with a kept period is left out; the report is written without it.',
  valueMissing: (flag) => `${flag} needs a value: ${flag === '--compare-period' ? 'the label of a period kept in ABC_History (e.g. 2025)' : 'the name of the earlier period (e.g. Budget)'}.`,
  outputIsEarlier: (output, earlier) => `${output} is the earlier period's file ${earlier}; it would be overwritten. Nothing written.`,
  bothSources: '--compare and --compare-period cannot be given together: compare with a file or with a kept period.',
  labelWithoutCompare: '--label-earlier needs --compare or --compare-period.',
  notCompared: (path) => `--svg-bridge ${path}: not written: there is no comparison (give --compare or --compare-period).`,
  comparedWith: (earlier, source) => `Compared with ${earlier} (${source}):`,
  profitLine: (before, after, change) => `  operating profit ${before} → ${after}, change ${change}`,
  partsLine: (parts) => `  ${parts}`,
  crossings: (toLoss, toProfit) => `  ${toLoss} customer(s) went from profit to loss, ${toProfit} from loss to profit (see the ABC Comparison sheet).`,
  parts: {
    revenue: 'revenue',
    discounts: 'discounts',
    cogs: 'COGS',
    activityVolume: 'activity volume',
    activityRate: 'activity rate',
    unused: 'unused capacity charged',
    directCosts: 'direct costs',
    unusedNotCharged: 'unused capacity not charged',
    unassigned: 'cost not charged to customers',
  },
};

const NL: CompareText = {
  cannotRead: (path, reason) => `--compare ${path}: kan niet worden gelezen (${reason}).`,
  earlierUnreadable: (path, problem) => `--compare ${path}: ${problem}`,
  notAModel: (path) => `--compare ${path}: geen model en geen rapport van een model: het heeft geen van de benoemde bereiken ABC_Pools, ABC_Activities en ABC_Customers en het is geen --json-resultaat. Niets geschreven.`,
  earlierHasErrors: (path) => `--compare ${path}: de eerdere periode kan niet worden berekend (de problemen staan hierboven). Niets geschreven.`,
  earlierIssuesHeading: (path) => `In de eerdere periode (${path}):`,
  noSuchPeriod: (period, kept) =>
    `--compare-period ${period}: deze periode staat niet in ABC_History${kept.length === 0 ? ' (er is geen periode bewaard; bewaar er een met --keep)' : ` (bewaard: ${kept.join(', ')})`}. Niets geschreven.`,
  historyBroken: 'ABC_History heeft problemen (zie hierboven): de vergelijking met een bewaarde periode vervalt; het rapport wordt zonder geschreven.',
  valueMissing: (flag) => `${flag} heeft een waarde nodig: ${flag === '--compare-period' ? 'de naam van een in ABC_History bewaarde periode (bijv. 2025)' : 'de naam van de eerdere periode (bijv. Budget)'}.`,
  outputIsEarlier: (output, earlier) => `${output} is het bestand van de eerdere periode ${earlier}; het zou worden overschreven. Niets geschreven.`,
  bothSources: '--compare en --compare-period gaan niet samen: vergelijk met een bestand of met een bewaarde periode.',
  labelWithoutCompare: '--label-earlier heeft --compare of --compare-period nodig.',
  notCompared: (path) => `--svg-bridge ${path}: niet geschreven: er is geen vergelijking (geef --compare of --compare-period).`,
  comparedWith: (earlier, source) => `Vergeleken met ${earlier} (${source}):`,
  profitLine: (before, after, change) => `  bedrijfsresultaat ${before} → ${after}, verandering ${change}`,
  partsLine: (parts) => `  ${parts}`,
  crossings: (toLoss, toProfit) => `  ${toLoss} klant(en) gingen van winst naar verlies, ${toProfit} van verlies naar winst (zie het blad ABC Vergelijking).`,
  parts: {
    revenue: 'omzet',
    discounts: 'kortingen',
    cogs: 'kostprijs omzet',
    activityVolume: 'volume activiteiten',
    activityRate: 'tarief activiteiten',
    unused: 'toegerekende onbenutte capaciteit',
    directCosts: 'directe kosten',
    unusedNotCharged: 'niet toegerekende onbenutte capaciteit',
    unassigned: 'niet aan klanten toegerekende kosten',
  },
};

/** The comparison sentences in `language`. */
export function compareText(language: ReportLanguage): CompareText {
  return language === 'nl' ? NL : EN;
}
