/**
 * The longest CSV line (record) the runner reads, in bytes: DuckDB's max_line_size, set explicitly so
 * that a longer line is an error with its line number, never a row left out. 8 MB is far beyond any
 * transaction export (35–200 bytes a line) and keeps DuckDB's read buffers small.
 */
export const MAX_CSV_LINE_BYTES = 8 * 1024 * 1024;
