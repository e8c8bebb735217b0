/**
 * `--template <file>`: writes the empty model (src/workbook/template-layout.ts) to a new file. The target
 * must not exist at all: unlike a report, which is derived and written again at every run, the file the
 * user names here may be their model, and an empty one written over it would lose their data.
 */
import { promises as fs } from 'fs';
import type { ReportLanguage } from '../workbook/report-text';
import { writeFileAtomic } from '../xlsx/atomic-write';
import { cliText } from './cli-text';
import type { Output } from './print';
import { EXIT_OK, EXIT_USAGE, writeFailureMessage } from './run';

/** True when anything is at `path`, a dangling link included. */
async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes the empty model in a language to `path`; returns the exit status. */
export async function writeTemplate(path: string, language: ReportLanguage, io: Output): Promise<number> {
  const t = cliText(language);
  if (await exists(path)) {
    io.err(t.templateExists(path));
    return EXIT_USAGE;
  }
  // Loaded on demand, as for --sample: ExcelJS is only needed here.
  const { buildTemplateWorkbook } = await import('../xlsx/write-template');
  try {
    await writeFileAtomic(path, await buildTemplateWorkbook(language));
  } catch (e) {
    io.err(writeFailureMessage(t.files.template, path, e, language));
    return EXIT_USAGE;
  }
  io.out(t.templateWritten(path));
  return EXIT_OK;
}
