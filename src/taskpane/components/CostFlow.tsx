/**
 * The cost flow of a model with a ledger or support pools: per operating pool its cost after support under
 * each support method (the chosen one marked), and the picture the runner writes with `--svg-flow`. The
 * picture is shown as an image from a data URL (the pane's CSP allows `img-src data:`): an SVG in an <img>
 * runs no script and loads nothing, and its texts were escaped where it was built.
 */
import * as React from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SUPPORT_METHODS } from '../../engine/first-stage/types';
import type { CostFlowView } from '../cost-flow-view';
import type { Formatter } from '../figures';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: 'left' },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
  chosen: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  // The picture is 1,200 pixels wide: fitted to the pane it shows the shape, at its own size (scrolled) its labels.
  frame: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, marginTop: '6px' },
  fitted: { width: '100%', height: 'auto', display: 'block' },
  actual: { display: 'block', maxWidth: 'none' },
  toggle: { alignSelf: 'flex-start', marginTop: '4px' },
});

export interface CostFlowProps {
  view: CostFlowView;
  strings: Strings;
  format: Formatter;
}

export function CostFlow({ view, strings, format }: CostFlowProps): React.ReactElement {
  const styles = useStyles();
  const src = React.useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(view.svg)}`, [view.svg]);
  const [actualSize, setActualSize] = React.useState(false);
  const chosen = (method: string): string => (method === view.method ? ` ${styles.chosen}` : '');
  return (
    <div data-testid="cost-flow">
      <table className={styles.table} data-testid="support-methods">
        <caption>
          <Caption1>{strings.costFlowMethods}</Caption1>
        </caption>
        <thead>
          <tr>
            <th className={styles.cell}>{strings.costFlowPool}</th>
            {SUPPORT_METHODS.map((m) => (
              <th key={m} className={`${styles.cell} ${styles.number}${chosen(m)}`} data-chosen={m === view.method ? 'true' : undefined}>
                {strings.supportMethod[m]}
                {m === view.method ? <span className={styles.muted}> ({strings.chosenMethod})</span> : null}
              </th>
            ))}
            <th className={`${styles.cell} ${styles.number}`}>{strings.methodDifference}</th>
          </tr>
        </thead>
        <tbody>
          {view.pools.map((p) => (
            <tr key={p.pool} data-testid="support-methods-row">
              <td className={styles.cell}>{p.pool}</td>
              {SUPPORT_METHODS.map((m) => (
                <td key={m} className={`${styles.cell} ${styles.number}${chosen(m)}`}>
                  {format.cents(p.byMethod[m])}
                </td>
              ))}
              <td className={`${styles.cell} ${styles.number}`}>{format.cents(p.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button className={styles.toggle} size="small" appearance="subtle" onClick={() => setActualSize((a) => !a)} data-testid="cost-flow-size">
        {actualSize ? strings.costFlowFitted : strings.costFlowActualSize}
      </Button>
      <div className={styles.frame}>
        <img className={actualSize ? styles.actual : styles.fitted} src={src} alt={strings.costFlowPicture} data-testid="cost-flow-picture" />
      </div>
    </div>
  );
}
