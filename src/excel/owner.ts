/**
 * The mark of a report sheet the add-in created: a hidden, worksheet-scoped name. It is the same mark the
 * headless runner writes (src/xlsx/report-owner.ts; a test keeps the two equal), so a workbook refreshed
 * by either tool can be refreshed by the other. It is repeated here rather than imported because that
 * module pulls ExcelJS into the task pane bundle.
 */

/** The name of the marker on each report sheet. */
export const OWNER_NAME = 'ABC_ReportOwner';

/** Its value: a formula text constant naming the project. */
export const OWNER_VALUE = '"customer-profitability-abc"';
