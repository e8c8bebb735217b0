/**
 * Every Dutch string follows the glossary (docs/glossary.md): the Dutch catalogs hold no word the glossary
 * rules out (Cost-to-serve, leegloop, bestelling, Traditioneel …) and no English word that leaked. The
 * catalogs are read as source: every string literal and template part inside the Dutch declaration.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ts from 'typescript';

/**
 * A Dutch catalog: the file, the declaration that holds its Dutch texts (null: the whole file) and, when
 * the declaration holds both languages, the property that holds the Dutch.
 */
const CATALOGS: ReadonlyArray<{ file: string; declaration: string | null; part?: string }> = [
  { file: 'src/workbook/report-text-nl.ts', declaration: null },
  { file: 'src/taskpane/strings-nl.ts', declaration: null },
  { file: 'src/engine/messages-nl.ts', declaration: null },
  { file: 'src/taskpane/issue-titles.ts', declaration: 'NL' },
  { file: 'src/cli/cli-text.ts', declaration: 'CLI_TEXT_NL' },
  { file: 'src/cli/help-text.ts', declaration: 'HELP_NL' },
  { file: 'src/cli/statements.ts', declaration: 'TEXT', part: 'nl' },
  { file: 'src/cli/scenarios.ts', declaration: 'TEXT', part: 'nl' },
  { file: 'src/workbook/template-layout.ts', declaration: 'TEMPLATE_SHEET_NAMES', part: 'nl' },
  { file: 'src/workbook/template-layout.ts', declaration: 'INSTRUCTIONS', part: 'nl' },
  { file: 'src/warehouse/warehouse-text.ts', declaration: 'NL' },
];

/** Words the glossary rules out in Dutch text, with the Dutch word to use instead. */
const FORBIDDEN: ReadonlyArray<{ pattern: RegExp; use: string }> = [
  { pattern: /cost[- ]to[- ]serve/i, use: 'bedieningskosten' },
  { pattern: /leegloop/i, use: 'onbenutte capaciteit' },
  { pattern: /bestelling/i, use: 'order(s)' },
  { pattern: /traditioneel/i, use: 'conventioneel / conventionele kostenpool' },
  { pattern: /nettoresultaat/i, use: 'nettowinst' },
  { pattern: /bedrijfsondersteunend/i, use: 'bedrijfsbrede activiteit' },
  { pattern: /activity[- ]based/i, use: 'op basis van activiteiten' },
  { pattern: /(?<!order)toeslag per order/i, use: 'ordertoeslag' },
  { pattern: /minimale ordergrootte/i, use: 'minimumorder' },
  // English words that leaked into Dutch sentences.
  { pattern: /\b(the|of the|and|customers?|drivers?|pools?|warnings?|unused|capacity|order lines?|statement|sheet)\b/i, use: 'the Dutch word' },
];

/**
 * English names a Dutch text quotes on purpose: the English headers, settings and values a workbook may
 * use instead of the Dutch ones (the contract accepts both), and the runner's own option values.
 */
const QUOTED_ENGLISH: readonly string[] = [
  // JSON field names of an earlier --json result (COMPARE_NOT_A_RESULT) are the document's, not words.
  '"customers"',
  '"pools"',
  'Currency, Period, UnusedCapacity, Language, OrderDriver, OrderLineDriver en StatementSegment',
  'Customer, Driver, Quantity',
  'Minutes / Minuten of Share / Aandeel',
  'minuten/minutes of uren/hours',
  'rapporteren / report of toerekenen / assign',
  'quantity, price, fee, minutes, capacity, minimum order',
  '--statements moet all of extremes',
  '--statements all|extremes',
];

/** A key the code compares with (`'pool'`, `'statement-missing'`), not a text anybody reads. */
const CODE = /^[a-z][A-Za-z]*(-[a-z]+)*$/;

/** The texts of the string literals and template parts inside a node. */
function literals(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) found.push(n.text);
    else if (ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) found.push(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The Dutch texts of a catalog. */
function dutchTexts(file: string, declaration: string | null, part: string | undefined): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(__dirname, '../..', file), 'utf8'), ts.ScriptTarget.Latest, true);
  if (declaration === null) {
    // Imports name modules, not texts.
    return source.statements.filter((s) => !ts.isImportDeclaration(s)).flatMap(literals);
  }
  const found: ts.Node[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.name.getText(source) === declaration) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(source);
  const node = found[0];
  if (node === undefined) throw new Error(`${file} has no declaration ${declaration}`);
  if (part === undefined) return literals(node);
  const nl: ts.Node[] = [];
  const visitNl = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n) && n.name.getText(source) === part) nl.push(n);
    ts.forEachChild(n, visitNl);
  };
  visitNl(node);
  return nl.flatMap(literals);
}

/** A text without the English it quotes on purpose, and without code-like parts (keys, range names, options). */
function prose(text: string): string {
  let t = text;
  for (const q of QUOTED_ENGLISH) t = t.split(q).join(' ');
  return t.replace(/ABC_[A-Za-z]+/g, ' ').replace(/--[a-z-]+/g, ' ').replace(/docs\/[\w./-]+/g, ' ');
}

describe('every Dutch string follows the glossary', () => {
  it.each(CATALOGS)('$file $declaration has no word the glossary rules out', ({ file, declaration, part }) => {
    const texts = dutchTexts(file, declaration, part);
    expect(texts.length).toBeGreaterThan(0);
    const offences = texts.filter((text) => !CODE.test(text)).flatMap((text) =>
      FORBIDDEN.filter((f) => f.pattern.test(prose(text))).map((f) => `"${text}" has ${String(f.pattern)}: use ${f.use}`),
    );
    expect(offences).toEqual([]);
  });

  it('the checker finds a forbidden word (it is not vacuous)', () => {
    expect(FORBIDDEN.some((f) => f.pattern.test(prose('Cost-to-serve per bestelling')))).toBe(true);
    expect(FORBIDDEN.some((f) => f.pattern.test(prose('Bedieningskosten per order')))).toBe(false);
  });
});
