/**
 * The manifest asks for what the code uses. The TypeScript checker lists every Office.js member that
 * src/excel and src/functions use (property reads and writes, options objects, destructuring), by the
 * name @types/office-js gives it; each must have a row in src/excel/requirements.ts, each ExcelApi row must
 * agree with the `[Api set: …]` annotation of @types/office-js, and manifest.xml must declare exactly the
 * highest set of the rows in use. A probe file proves the scan sees the APIs other parts of issue 8 add
 * (copyFrom, protection, events, delayForCellEdit, writes that need a later set).
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { XMLParser } from 'fast-xml-parser';
import {
  API_PATTERNS,
  API_REQUIREMENTS,
  type ApiRequirement,
  type RequirementSetName,
  compareVersions,
  highestSets,
  parseRequirement,
  requirementOf,
} from '../../src/excel/requirements';

const ROOT = path.resolve(__dirname, '..', '..');
const SCANNED_DIRS = ['src/excel', 'src/functions'];
// The real path: the compiler resolves a linked node_modules (a git worktree's) to where it lies.
const OFFICE_DTS = fs.realpathSync(path.join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts'));
const CF_DTS = path.join(ROOT, 'src', 'functions', 'custom-functions-runtime.d.ts');
/** A file that exists only in the compiler host: uses a scan must recognise, in the gateway's folder. */
const PROBE = path.join(ROOT, 'src', 'excel', '__requirements_probe__.ts');
const PROBE_SOURCE = `/// <reference types="office-js" />
export async function probe(): Promise<void> {
  await Excel.run({ delayForCellEdit: true }, async (context) => {
    const ws = context.workbook.worksheets.getItem('Report');
    ws.getRange('A1:B2').copyFrom(ws.getRange('C1:D2'));
    ws.visibility = 'Hidden';
    const { protection } = context.workbook;
    protection.load('protected');
    await context.sync();
    if (protection.protected) return;
    ws.onChanged.add(async (event) => {
      void event.address;
    });
    context.application.calculationMode = 'Manual';
  });
}
`;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(ROOT, rel)] : [];
  });
}

const files = SCANNED_DIRS.flatMap(sourceFiles);
const CATALOGUE = path.join(ROOT, 'src', 'excel', 'requirements.ts');

function createProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => (path.resolve(name) === PROBE ? ts.createSourceFile(name, PROBE_SOURCE, language, true) : getSourceFile(name, language, ...rest));
  host.fileExists = (name) => path.resolve(name) === PROBE || fileExists(name);
  return ts.createProgram([...files, CF_DTS, PROBE], options, host);
}

/** A use of an Office.js member: its row key and where it is. */
interface Use {
  api: string;
  at: string;
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  const file = path.resolve(decl.getSourceFile().fileName);
  return file === OFFICE_DTS || file === CF_DTS;
}

function docText(decl: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(decl)
    .map((n) => n.getText())
    .join(' ')
    .replace(/\s*\*\s*/g, ' ');
}

/** The version a member needs for writing when its annotation gives one (`1.1 for get, 1.8 for set`). */
function setVersionOf(annotation: string): string | null {
  return /(\d+\.\d+) for (?:set|setting)\b/.exec(annotation)?.[1] ?? null;
}

const DECLARATION_WITH_NAME = (n: ts.Node): n is ts.NamedDeclaration & { name: ts.Node } =>
  (ts.isFunctionDeclaration(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isMethodSignature(n) ||
    ts.isPropertySignature(n) ||
    ts.isPropertyDeclaration(n) ||
    ts.isInterfaceDeclaration(n) ||
    ts.isClassDeclaration(n) ||
    ts.isTypeAliasDeclaration(n)) &&
  n.name !== undefined;

/** Scans files of a program for uses of Office.js members. */
function scan(program: ts.Program, only: readonly string[]): Use[] {
  const checker = program.getTypeChecker();
  const uses: Use[] = [];

  function keyOf(symbol: ts.Symbol, written: boolean): string | null {
    const sym = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const decl = sym.declarations?.[0];
    if (decl === undefined || !isOfficeDeclaration(decl)) return null;
    // An enum is one API; its members are values of it.
    if (ts.isEnumMember(decl)) return keyOf(checker.getSymbolAtLocation(decl.parent.name) as ts.Symbol, false);
    let name = checker.getFullyQualifiedName(sym);
    if (name.startsWith('__')) {
      // A member of an anonymous type (Office.onReady's `{ host, platform }`): named after its owner.
      let owner: ts.Node | undefined = decl.parent;
      while (owner !== undefined && !DECLARATION_WITH_NAME(owner)) owner = owner.parent;
      const ownerSymbol = owner !== undefined ? checker.getSymbolAtLocation((owner as ts.NamedDeclaration & { name: ts.Node }).name) : undefined;
      name = ownerSymbol !== undefined ? `${checker.getFullyQualifiedName(ownerSymbol)}.${sym.name}` : sym.name;
    }
    // `range.set({ values })` and `load({ … })` name the Range's own properties.
    const iface = /^Excel\.Interfaces\.(\w+?)(UpdateData|LoadOptions|Data)\.(\w+)$/.exec(name);
    if (iface !== null) {
      written ||= iface[2] === 'UpdateData';
      name = `Excel.${iface[1]}.${iface[3]}`;
    }
    if (written && setVersionOf(docText(decl)) !== null) name += ' (set)';
    return name;
  }

  function record(symbol: ts.Symbol | undefined, node: ts.Node, written: boolean): void {
    if (symbol === undefined) return;
    const api = keyOf(symbol, written);
    if (api === null) return;
    const sf = node.getSourceFile();
    uses.push({ api, at: `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}` });
  }

  const wanted = new Set(only.map((f) => path.resolve(f)));
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const parent = node.parent;
        const written =
          ts.isBinaryExpression(parent) &&
          parent.left === node &&
          parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
          parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
        record(checker.getSymbolAtLocation(node.name), node.name, written);
      } else if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isObjectLiteralExpression(node.parent)) {
        // Options objects: `Excel.run({ delayForCellEdit: true }, …)`.
        const type = checker.getContextualType(node.parent);
        record(type?.getProperty(node.name.getText()), node.name, false);
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        // `const { protection } = context.workbook`.
        const property = (node.propertyName ?? node.name).getText();
        record(checker.getTypeAtLocation(node.parent).getProperty(property), node, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** The source of a file without comments: a comment that names an API is not a use of it. */
function codeOf(file: string): string {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return ts.createPrinter({ removeComments: true }).printFile(sf);
}

/** Uses the text patterns find that the typed scan did not attribute in the same file. */
function patternUses(typed: readonly Use[]): { uses: Use[]; ambiguous: string[] } {
  const uses: Use[] = [];
  const ambiguous: string[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    // The catalogue spells the patterns themselves.
    if (path.resolve(file) === CATALOGUE) continue;
    const code = codeOf(file);
    const here = new Set(typed.filter((u) => u.at.startsWith(`${rel}:`)).map((u) => u.api.replace(/ \(set\)$/, '')));
    for (const { pattern, candidates } of API_PATTERNS) {
      if (!pattern.test(code) || candidates.some((c) => here.has(c))) continue;
      if (candidates.length === 1) uses.push({ api: candidates[0] as string, at: `${rel} (text ${pattern.source})` });
      else ambiguous.push(`${rel}: ${pattern.source} is one of ${candidates.join(', ')}; give the object its Office.js type so the scan can tell which`);
    }
  }
  return { uses, ambiguous };
}

/** Every member of the Excel, Office and OfficeExtension namespaces of @types/office-js with its annotation. */
function officeTypings(program: ts.Program): Map<string, string> {
  const sf = program.getSourceFile(OFFICE_DTS) as ts.SourceFile;
  const out = new Map<string, string>();
  const add = (key: string, node: ts.Node): void => {
    if (!out.has(key)) out.set(key, /\[Api set: ([^\]]+)\]/.exec(docText(node))?.[1] ?? '');
  };
  for (const statement of sf.statements) {
    if (!ts.isModuleDeclaration(statement) || statement.body === undefined || !ts.isModuleBlock(statement.body)) continue;
    const ns = statement.name.getText();
    if (!['Excel', 'Office', 'OfficeExtension'].includes(ns)) continue;
    for (const d of statement.body.statements) {
      if ((ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d) || ts.isEnumDeclaration(d)) && d.name !== undefined) {
        add(`${ns}.${d.name.text}`, d);
        for (const m of d.members) if (m.name !== undefined) add(`${ns}.${d.name.text}.${m.name.getText()}`, m);
      } else if (ts.isFunctionDeclaration(d) && d.name !== undefined) {
        add(`${ns}.${d.name.text}`, d);
      } else if (ts.isVariableStatement(d)) {
        for (const v of d.declarationList.declarations) add(`${ns}.${v.name.getText()}`, d);
      }
    }
  }
  return out;
}

/** The sets manifest.xml declares in its base `<Requirements>`. */
function declaredSets(): Map<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'Set' }).parse(xml) as {
    OfficeApp: { Requirements?: { Sets?: { DefaultMinVersion?: string; Set?: Array<{ Name: string; MinVersion?: string }> } } };
  };
  const sets = doc.OfficeApp.Requirements?.Sets;
  return new Map((sets?.Set ?? []).map((s) => [s.Name, s.MinVersion ?? sets?.DefaultMinVersion ?? '1.1']));
}

function describeSets(sets: ReadonlyMap<string, string>): string {
  return [...sets].map(([name, version]) => `${name} ${version}`).sort().join(', ') || '(none)';
}

describe('the requirement sets of the Office.js APIs the add-in uses', () => {
  let program: ts.Program;
  let used: Use[];
  let typings: Map<string, string>;
  let unattributed: string[];

  beforeAll(() => {
    program = createProgram();
    const typed = scan(program, files);
    const { uses, ambiguous } = patternUses(typed);
    unattributed = ambiguous;
    used = [...typed, ...uses];
    typings = officeTypings(program);
  });

  /** The rows in use: found in the source, or a use outside it that is still there. */
  function rowsInUse(): ApiRequirement[] {
    const apis = new Set(used.map((u) => u.api));
    return API_REQUIREMENTS.filter((r) => {
      if (r.outsideSource !== undefined) return fs.readFileSync(path.join(ROOT, r.outsideSource.file), 'utf8').includes(r.outsideSource.contains);
      return apis.has(r.api);
    });
  }

  test('the scan sees the members the gateway and the functions are known to use', () => {
    const apis = new Set(used.map((u) => u.api));
    for (const api of ['Excel.run', 'Excel.Worksheet.getRangeByIndexes', 'Excel.NamedItem.formula', 'Excel.Worksheet.names', 'CustomFunctions.Error', 'Office.onReady']) {
      expect([api, apis.has(api)]).toEqual([api, true]);
    }
    // Comments are not uses: requirements.ts names every API in strings and rows only.
    expect(used.filter((u) => u.at.startsWith('src/excel/requirements.ts'))).toEqual([]);
  });

  test('the scan sees options objects, destructuring, events and writes that need a later set (probe)', () => {
    const probe = scan(program, [PROBE]);
    const apis = [...new Set(probe.map((u) => u.api))].sort();
    expect(apis).toEqual(
      [
        'Excel.Application.calculationMode (set)',
        'Excel.Range.copyFrom',
        'Excel.RequestContext.application',
        'Excel.RequestContext.workbook',
        'Excel.RunOptions.delayForCellEdit',
        'Excel.Workbook.protection',
        'Excel.Workbook.worksheets',
        'Excel.WorkbookProtection.load',
        'Excel.WorkbookProtection.protected',
        'Excel.Worksheet.getRange',
        'Excel.Worksheet.onChanged',
        'Excel.Worksheet.visibility (set)',
        'Excel.WorksheetChangedEventArgs.address',
        'Excel.WorksheetCollection.getItem',
        'Excel.run',
        'OfficeExtension.ClientRequestContext.sync',
        'OfficeExtension.EventHandlers.add',
      ].sort(),
    );
    const rows = apis.map((api) => requirementOf(api));
    expect(rows.filter((r) => r === undefined)).toEqual([]);
    // copyFrom is the highest of these: the probe would need ExcelApi 1.9.
    expect(Object.fromEntries(highestSets(rows as ApiRequirement[]))).toEqual({ ExcelApi: '1.9' });
  });

  test('every text match of a member with several candidates is attributed by the typed scan', () => {
    expect(unattributed).toEqual([]);
  });

  test('every Office.js member the code uses has a row in src/excel/requirements.ts', () => {
    const missing = used.filter((u) => requirementOf(u.api) === undefined).map((u) => `${u.api} (${u.at})`);
    expect(missing).toEqual([]);
  });

  test('every ExcelApi row agrees with the [Api set] annotation of @types/office-js', () => {
    const disagreements: string[] = [];
    for (const r of API_REQUIREMENTS) {
      if (r.requires?.name !== 'ExcelApi' || !r.api.startsWith('Excel.')) continue;
      const member = r.api.replace(/ \(set\)$/, '');
      const own = typings.get(member);
      if (own === undefined) {
        disagreements.push(`${r.api}: not in @types/office-js`);
        continue;
      }
      // load, items, set … carry no annotation of their own: they come with their object.
      const annotation = own !== '' ? own : (typings.get(member.slice(0, member.lastIndexOf('.'))) ?? '');
      if (annotation === '') {
        // Not annotated (Excel.run, RequestContext …): the row must say where its set is documented.
        if (r.source === undefined) disagreements.push(`${r.api}: the typings give no set; the row needs a source`);
        continue;
      }
      const read = /ExcelApi (\d+\.\d+)/.exec(annotation)?.[1];
      const expected = r.api.endsWith(' (set)') ? setVersionOf(annotation) : read;
      // An annotation that names several sets (a parameter added later): a row with its source may need a later one of them.
      const named = r.source !== undefined && [...annotation.matchAll(/\b(\d+\.\d+)\b/g)].some((m) => m[1] === r.requires?.version);
      if (expected !== r.requires.version && !named) disagreements.push(`${r.api}: row says ExcelApi ${r.requires.version}, typings say "${annotation}"`);
    }
    expect(disagreements).toEqual([]);
  });

  test('every row names a member that exists, once', () => {
    const cfTypes = fs.readFileSync(CF_DTS, 'utf8');
    const apis = new Set(used.map((u) => u.api));
    const unknown = API_REQUIREMENTS.filter((r) => {
      if (r.outsideSource !== undefined || apis.has(r.api)) return false;
      const member = r.api.replace(/ \(set\)$/, '');
      if (member.startsWith('CustomFunctions.')) return !cfTypes.includes(member.split('.').pop() as string);
      return !typings.has(member);
    }).map((r) => r.api);
    expect(unknown).toEqual([]);
    const keys = API_REQUIREMENTS.map((r) => r.api);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    // Every candidate of a text pattern has a row.
    expect(API_PATTERNS.flatMap((p) => p.candidates).filter((c) => requirementOf(c) === undefined)).toEqual([]);
  });

  test('manifest.xml declares exactly the highest set of each kind the code uses', () => {
    const needed = highestSets(rowsInUse());
    const declared = declaredSets();
    const why = [...needed]
      .map(([name, version]) => {
        const rows = rowsInUse().filter((r) => r.requires?.name === name && r.requires.version === version);
        return `${name} ${version}: ${rows.map((r) => r.api).join(', ')}`;
      })
      .join('\n');
    // `because` lists the rows that set each level, so a failure says which use raised it.
    expect({ declared: describeSets(declared), because: why }).toEqual({ declared: describeSets(needed), because: why });
    expect(why).toContain('ExcelApi');
  });

  test('an optional row (used behind isSetSupported) is in use yet never raises the manifest', () => {
    const address = requirementOf('Excel.WorksheetCalculatedEventArgs.address');
    expect(address?.optional).toBe(true);
    expect(address?.requires).toEqual({ name: 'ExcelApi', version: '1.11' });
    expect(used.some((u) => u.api === 'Excel.WorksheetCalculatedEventArgs.address' && u.at.startsWith('src/excel/watch-model.ts'))).toBe(true);
    const base: ApiRequirement = { api: 'a', requires: { name: 'ExcelApi', version: '1.9' }, use: '' };
    expect(Object.fromEntries(highestSets([base, { ...base, api: 'b', requires: { name: 'ExcelApi', version: '1.11' }, optional: true }]))).toEqual({ ExcelApi: '1.9' });
    expect(Object.fromEntries(highestSets([base, { ...base, api: 'b', requires: { name: 'ExcelApi', version: '1.11' } }]))).toEqual({ ExcelApi: '1.11' });
    // Every file using an optional row asks the host for its set first (the watch, the number format check).
    const optional = API_REQUIREMENTS.filter((r) => r.optional === true);
    expect(optional.map((r) => r.api)).toContain('Excel.NumberFormatInfo.numberDecimalSeparator');
    const unasked = optional.flatMap((r) =>
      used
        .filter((u) => u.api === r.api)
        .map((u) => u.at.split(':')[0] as string)
        .filter((file) => !fs.readFileSync(path.join(ROOT, file), 'utf8').includes(`supports('${r.requires?.name}', '${r.requires?.version}')`))
        .map((file) => `${r.api} in ${file}`),
    );
    expect(unasked).toEqual([]);
    expect(used.filter((u) => optional.some((r) => r.api === u.api)).map((u) => u.at.split(':')[0]).sort()).toEqual(expect.arrayContaining(['src/excel/format-check.ts', 'src/excel/watch-model.ts']));
  });

  test('versions order numerically and the requirement text is strict', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('1.7', '1.7')).toBe(0);
    expect(compareVersions('1.2', '1.11')).toBeLessThan(0);
    expect(parseRequirement('ExcelApi 1.11')).toEqual({ name: 'ExcelApi', version: '1.11' });
    expect(parseRequirement('none')).toBeNull();
    expect(() => parseRequirement('ExcelApi1.7')).toThrow('Not a requirement set: "ExcelApi1.7"');
    const sets: RequirementSetName[] = ['ExcelApi', 'CustomFunctionsRuntime', 'SharedRuntime'];
    const rows = sets.flatMap((name) => ['1.9', '1.10', '1.2'].map((version): ApiRequirement => ({ api: `${name}@${version}`, requires: { name, version }, use: '' })));
    expect(Object.fromEntries(highestSets(rows))).toEqual({ ExcelApi: '1.10', CustomFunctionsRuntime: '1.10', SharedRuntime: '1.10' });
  });
});
