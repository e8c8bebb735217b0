/** Which ranges were found with their rows, and every error and warning; a located one selects its cell. */
import * as React from 'react';
import { Badge, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatWhere, type Issue } from '../../engine/issues';
import type { RangeSummary } from '../../workbook/contract';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left' },
  number: { textAlign: 'right' },
  muted: { color: tokens.colorNeutralForeground3 },
  issues: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  issue: { display: 'flex', gap: '6px', alignItems: 'flex-start' },
  code: { flexShrink: 0, maxWidth: 'none', whiteSpace: 'nowrap' },
  summary: { display: 'flex', gap: '6px', margin: '6px 0' },
});

export interface ModelStatusProps {
  ranges: RangeSummary[];
  issues: Issue[];
  strings: Strings;
  format: Formatter;
  onSelect: (issue: Issue) => void;
}

export function ModelStatus({ ranges, issues, strings, format, onSelect }: ModelStatusProps): React.ReactElement {
  const styles = useStyles();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <div data-testid="model-status">
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell}>{strings.range}</th>
            <th className={`${styles.cell} ${styles.number}`}>{strings.rows}</th>
          </tr>
        </thead>
        <tbody>
          {ranges.map((r) => (
            <tr key={r.name} data-testid={`range-${r.name}`}>
              <td className={styles.cell}>
                {r.name}
                {r.found && r.sheet !== null ? <span className={styles.muted}> · {r.sheet}</span> : null}
              </td>
              <td className={`${styles.cell} ${styles.number}`}>
                {r.found ? format.integer(r.dataRows) : <span className={styles.muted}>{r.required ? strings.notFound : strings.optional}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.summary}>
        {errors > 0 ? <Badge color="danger">{strings.errors(errors)}</Badge> : null}
        {warnings > 0 ? <Badge color="warning">{strings.warnings(warnings)}</Badge> : null}
        {issues.length === 0 ? <Caption1>{strings.noIssues}</Caption1> : null}
      </div>
      <ul className={styles.issues} data-testid="issues">
        {issues.map((issue, i) => {
          const where = formatWhere(issue.where);
          const located = issue.where.sheet !== undefined && issue.where.cell !== undefined;
          return (
            <li key={i} className={styles.issue} data-testid="issue" data-code={issue.code}>
              <Badge size="small" className={styles.code} color={issue.severity === 'error' ? 'danger' : 'warning'} appearance="tint">
                {issue.code}
              </Badge>
              <Text size={200}>
                <Text size={200} weight="semibold">
                  {strings.issueTitle(issue.code)}.
                </Text>{' '}
                {strings.issueMessage(issue.text)}{' '}
                {where === null ? null : located ? (
                  <Link as="button" onClick={() => onSelect(issue)} title={strings.selectCell} data-testid="issue-link">
                    {where}
                  </Link>
                ) : (
                  <span className={styles.muted}>{where}</span>
                )}
              </Text>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
