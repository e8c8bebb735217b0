/**
 * `--sample`: the embedded sample model as a workbook file, with the wholesaler's earlier period (2025)
 * already kept in its `ABC_History` — as a controller who kept last year would have it — so the sample
 * shows a comparison (`--compare-period 2025`, the pane's Compare) from the first run.
 */
import { figuresOfResult } from '../engine/compare/figures';
import { analyseWorkbook } from '../workbook/analyse';
import { historyRows } from '../workbook/history-layout';
import { historySheet } from '../workbook/history-sheet';
import type { ReportLanguage } from '../workbook/report-layout';
import { loadWorkbookBytes } from '../xlsx/load-workbook';
import { buildReportWorkbook } from '../xlsx/write-report';

/** The sample workbook's bytes, in `language` (its own data Dutch with nl), with 2025 kept. */
export async function sampleWorkbookBytes(language: ReportLanguage, path: string): Promise<Buffer> {
  // Loaded on demand: the sample generator and its writer (ExcelJS) are only needed for --sample.
  const { DEFAULT_SAMPLE_SEED, generateEarlierSampleModel, generateSampleModel, gridsOf } = await import('../sample/index');
  const { buildBlocksWorkbook } = await import('../xlsx/write-sample');
  const model = await loadWorkbookBytes(await buildBlocksWorkbook(generateSampleModel(DEFAULT_SAMPLE_SEED, language)), path);
  const earlier = analyseWorkbook(gridsOf(generateEarlierSampleModel(DEFAULT_SAMPLE_SEED, language)));
  // The earlier sample is ours and valid (test/sample/earlier-period.test.ts); failing here is a defect, said as one.
  if (earlier.result === null || earlier.result.settings.period === null) throw new Error(`the sample's earlier period cannot be costed: ${earlier.issues.map((i) => i.message).join('; ')}`);
  const kept = historySheet(historyRows(figuresOfResult(earlier.result), earlier.result.settings.period), language);
  return buildReportWorkbook(model, [kept], earlier.result.settings.currency);
}
