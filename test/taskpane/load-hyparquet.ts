/**
 * hyparquet is an ES module, which Jest (CommonJS here) cannot require: its files are transpiled to
 * CommonJS with TypeScript and evaluated, each once. Tests only; webpack bundles it as it is for the pane.
 */
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import type { ParquetLibrary } from '../../src/taskpane/import/read-parquet';

const SRC = path.resolve(__dirname, '..', '..', 'node_modules', 'hyparquet', 'src');
const cache = new Map<string, Record<string, unknown>>();

function load(file: string): Record<string, unknown> {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const exports: Record<string, unknown> = {};
  cache.set(file, exports);
  const code = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const localRequire = (spec: string): unknown => (spec.startsWith('.') ? load(path.resolve(path.dirname(file), spec)) : require(spec));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('exports', 'require', 'module', code)(exports, localRequire, { exports });
  return exports;
}

/** hyparquet's functions used by the pane. */
export function hyparquet(): ParquetLibrary {
  return load(path.join(SRC, 'index.js')) as unknown as ParquetLibrary;
}
