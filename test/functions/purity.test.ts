/**
 * The functions' logic must run unchanged in Node and in Excel's runtime: only functions.ts (the host
 * layer) may touch the CustomFunctions global, and no module here may import Office, React, the DOM or
 * Node.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const dir = join(__dirname, '../../src/functions');
const PURE = ['function-result.ts', 'model-index.ts', 'abc-functions.ts', 'model-store.ts', 'model-feed.ts'];
const ALLOWED_FOLDERS = /^\.\.\/(engine|workbook)\/|^\.\/[a-z-]+$/;

describe('src/functions purity', () => {
  it.each(PURE)('%s imports only the engine, the workbook contract and its own folder', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const specs = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    expect(specs.filter((s) => !ALLOWED_FOLDERS.test(s))).toEqual([]);
  });

  it.each(PURE)('%s uses no host global', (file) => {
    const code = readFileSync(join(dir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(CustomFunctions|Excel|Office|window|document|process|Buffer|require)\b/);
  });
});
