import type { IssueCode } from '../../src/engine/issues';
import { issueTitle } from '../../src/taskpane/issue-titles';
import { stringsFor } from '../../src/taskpane/i18n';
import { readFileSync } from 'fs';
import { join } from 'path';

/** Every code of the IssueCode union, read from its source so a new code cannot be forgotten here. */
const codes = [...readFileSync(join(__dirname, '../../src/engine/issues.ts'), 'utf8').matchAll(/\|\s*'([A-Z_]+)'/g)].map(
  (m) => m[1] as IssueCode,
);

describe('problem headlines', () => {
  it('has an English and a different Dutch headline for every code', () => {
    expect(codes.length).toBeGreaterThan(30);
    for (const code of codes) {
      expect(issueTitle(code, 'en')).toMatch(/\S/);
      expect(issueTitle(code, 'nl')).toMatch(/\S/);
      expect(issueTitle(code, 'nl')).not.toBe(issueTitle(code, 'en'));
    }
  });

  it('reaches the pane through its strings', () => {
    expect(stringsFor('nl').issueTitle('NOT_A_NUMBER')).toBe('Geen getal');
    expect(stringsFor('en').issueTitle('UNKNOWN_POOL')).toBe('Unknown pool');
  });
});
