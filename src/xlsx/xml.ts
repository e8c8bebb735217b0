/**
 * Text to and from XML for the package writer and reader: the rule itself (which characters may be
 * written, how cell text is escaped) is `workbook/xml-text.ts`, shared with the whale SVG. Reading XML is
 * the tokenizer's job (`xml-tokenizer.ts`); nothing here scans markup.
 */
export { cutCellText, decodeCellEscapes, encodeCellText, encodeXml, MAX_CELL_TEXT } from '../workbook/xml-text';
