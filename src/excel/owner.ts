/** The mark of a report sheet the add-in created, shared with the headless runner (see src/workbook/report-owner.ts). */
export { OWNER_NAME, OWNER_VALUE } from '../workbook/report-owner';
