/**
 * The runner compiled to JavaScript in a temporary folder, for tests that must run it as a real child
 * process (closed pipes, full disks). Each module is transpiled on its own, without type checking: the
 * type check is `npm run typecheck`'s job, and a test should not depend on the shared build/ folder
 * being fresh.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
/** The folders `npm run build:cli` compiles (src/warehouse through the runner's imports), minus the benchmarks. */
const FOLDERS = ['engine', 'workbook', 'sample', 'xlsx', 'cli', 'warehouse'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Transpiles src/ into `outDir` (as build/ is laid out) and returns the path of the runner's main.js. */
export function compileCli(outDir: string): string {
  for (const folder of FOLDERS) {
    for (const file of tsFiles(join(ROOT, 'src', folder))) {
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      });
      const target = join(outDir, relative(join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  return join(outDir, 'cli', 'main.js');
}

/** The environment for the compiled runner: the project's packages found from outside the project. */
export function cliEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
}
