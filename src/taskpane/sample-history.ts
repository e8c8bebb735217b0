/**
 * Insert sample model keeps the wholesaler's earlier period (2025) in the workbook's `ABC_History`, as the
 * runner's sample workbook has it, so Compare and `ABC.CHANGE` work on the sample from the first minute.
 * The earlier model is costed where the pane computes (its Web Worker), its figures crossing as exact text.
 */
import { figuresOfResult } from '../engine/compare/figures';
import type { MessageLanguage } from '../engine/messages';
import { runModel } from '../engine/run';
import { DEFAULT_SAMPLE_SEED, generateEarlierSampleModel, gridsOf } from '../sample/index';
import { readContract } from '../workbook/contract';
import { type PeriodFiguresJson, periodFiguresFromJson, periodFiguresToJson } from '../workbook/period-figures-json';
import type { ActionOptions, WorkbookActions } from '../excel/actions';

/** The sample's earlier period costed, in `language` (its own words Dutch with nl; the figures are the same). */
export function earlierSampleFigures(language: MessageLanguage): PeriodFiguresJson {
  const read = readContract(gridsOf(generateEarlierSampleModel(DEFAULT_SAMPLE_SEED, language)));
  const { result, issues } = runModel(read.model, read.issues);
  // Ours and valid (test/sample/earlier-period.test.ts): failing here is a defect, said as one.
  if (result === null) throw new Error(`the sample's earlier period cannot be costed: ${issues.map((i) => i.message).join('; ')}`);
  return periodFiguresToJson(figuresOfResult(result));
}

/** The part of the pane's Computer this needs (the module stays clear of computer.ts, which imports it). */
interface CostsEarlierSample {
  earlierSampleFigures?(language: MessageLanguage, signal?: AbortSignal): Promise<PeriodFiguresJson>;
}

/**
 * Keeps the sample's earlier period after the sample was inserted; nothing when the workbook cannot keep
 * periods or the computer cannot cost it (a stand-in). Returns the period kept, or null.
 */

export async function keepEarlierSample(actions: WorkbookActions, computer: CostsEarlierSample, language: MessageLanguage, options: ActionOptions): Promise<string | null> {
  if (actions.keepPeriod === undefined || computer.earlierSampleFigures === undefined) return null;
  const figures = periodFiguresFromJson(await computer.earlierSampleFigures(language, options.signal));
  if (figures.label === null) return null;
  await actions.keepPeriod(figures, figures.label, options);
  return figures.label;
}
