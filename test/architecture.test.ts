/**
 * House rules that keep the engine portable: it must run unchanged in Node, the task pane, a Web Worker
 * and the custom-functions runtime. (tsconfig.engine.json also compiles the pure folders without DOM or
 * Node typings, so a use of `window` or `process` fails `npm run typecheck`.)
 */
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, posix, relative } from 'path';

const root = join(__dirname, '..');
const PURE = ['src/engine', 'src/workbook', 'src/sample'];

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return /\.tsx?$/.test(name) ? [relative(root, path)] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return specs.map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('architecture', () => {
  it.each(PURE)('%s imports nothing but its own modules (and decimal.js through one wrapper)', (dir) => {
    const offenders = sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('.') && !(file === 'src/engine/decimal.ts' && spec === 'decimal.js'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(PURE)('%s does not reach into host folders (xlsx, cli, excel, taskpane, functions)', (dir) => {
    const offenders = sourceFiles(dir).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)(xlsx|cli|excel|taskpane|functions)(\/|$)/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/engine at the bottom: it imports only its own folder', () => {
    // Resolved against the importing file, so a subfolder (src/engine/scenarios) may import its parent.
    const offenders = sourceFiles('src/engine').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && !posix.join(posix.dirname(file), spec).startsWith('src/engine/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('imports decimal.js in exactly one module', () => {
    const importers = sourceFiles('src').filter((file) => importsOf(file).includes('decimal.js'));
    expect(importers).toEqual(['src/engine/decimal.ts']);
  });

  it('keeps the worksheet functions apart from the pane: functions.ts reaches no React, Fluent UI or src/taskpane', () => {
    // The functions register at load, before the pane's script runs (webpack.config.js); nothing of the
    // pane's React tree may be pulled into their bundle (office-js #4981).
    const seen = new Set<string>();
    const outside: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) {
          if (/^(react|react-dom|@fluentui)(\/|$)/.test(spec)) outside.push(`${file} imports ${spec}`);
          continue;
        }
        const base = posix.join(posix.dirname(file), spec);
        const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => {
          try {
            return statSync(join(root, f)).isFile();
          } catch {
            return false;
          }
        });
        if (target === undefined) continue;
        if (target.startsWith('src/taskpane/')) outside.push(`${file} imports ${spec}`);
        visit(target);
      }
    };
    visit('src/functions/functions.ts');
    expect(seen.size).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });

  it('touches Office.js only in src/excel', () => {
    const offenders = sourceFiles('src')
      .filter((file) => !file.startsWith('src/excel/'))
      .filter((file) => /\bExcel\.run\b|\bOffice\.context\b|from ['"]@microsoft\/office-js/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
