/** The mark of a report sheet the add-in created, shared with the headless runner (see src/workbook/report-owner.ts). */
export { OWNER_NAME, OWNER_VALUE } from '../workbook/report-owner';

/**
 * The mark of a sheet a refresh writes before the swap (besides the owner mark): a hidden worksheet-scoped
 * name. A sheet carrying it at the start of a refresh is a leftover of a refresh that died half-way and is
 * deleted; its name (`~1 ABC Summary`) is never the reason, since a sheet of the user's may have one like it.
 */
export const TEMP_NAME = 'ABC_ReportTemp';
export const TEMP_VALUE = '"temporary"';

/**
 * The mark of a report sheet whose update in place was interrupted: a hidden worksheet-scoped name, put on
 * before the first cell changes and taken off after the last, with `INCOMPLETE_NOTICE` in A1 meanwhile.
 */
export const INCOMPLETE_NAME = 'ABC_ReportIncomplete';
export const INCOMPLETE_VALUE = '"incomplete"';

/** What A1 of a half-updated report sheet says (the report's own language is English, as the runner's). */
export const INCOMPLETE_NOTICE =
  'INCOMPLETE: the last Refresh stopped before this report was fully updated. Press Refresh report in the Customer P&L pane to finish it.';
