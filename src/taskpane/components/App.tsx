/** The task pane: buttons, progress, model status, headline figures, the statement picker, the scenarios, Compare, How sure?, the whale curve and the cost flow. */
import * as React from 'react';
import {
  Button,
  Caption1,
  Divider,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { OfficeThemeColors } from '../../excel/host';
import type { CompareController } from '../compare-controller';
import type { PaneController, PaneState } from '../controller';
import type { SensitivityController } from '../sensitivity-controller';
import { formatter, headlineOf, whalePoints, whaleSentenceOf } from '../figures';
import type { Language, Strings } from '../i18n';
import { fluentThemeOf } from '../theme';
import { CompareView } from './CompareView';
import { CostFlow } from './CostFlow';
import { HeadlineFigures } from './Headline';
import { ImportButton, ImportReport } from './ImportTransactions';
import { ModelStatus } from './ModelStatus';
import { ScenariosView } from './ScenariosView';
import { SensitivityView } from './SensitivityView';
import { StatementPicker } from './StatementPicker';
import { usePaneLook } from './use-pane-look';
import { WhaleCurve } from './WhaleCurve';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  header: { display: 'flex', flexDirection: 'column', gap: '2px' },
  heading: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  controller: PaneController;
  strings: Strings;
  language: Language;
  /** BCP 47 locale for numbers, from Office's display language. */
  locale: string;
  /** Office's theme: the pane is dark in a dark Office, high-contrast under forced colours; light when null or left out. */
  officeTheme?: OfficeThemeColors | null;
  /** Keep period and Compare (issue 20); the section is left out without it. */
  compare?: CompareController;
  /** How sure? (issue 21); the section is left out without it. */
  sensitivity?: SensitivityController;
}

function useControllerState(controller: PaneController): PaneState {
  const [state, setState] = React.useState(controller.getState());
  React.useEffect(() => controller.subscribe(setState), [controller]);
  return state;
}

/** Rows of the model read or written; while importing, rows read and the share of the file's bytes. */
function progressHint(progress: PaneState['progress'], strings: Strings, integer: (n: number) => string): string | undefined {
  if (progress === null || progress.total <= 0) return undefined;
  if (progress.stage === 'importing') return strings.importProgress(integer(progress.rows ?? 0), `${Math.floor((100 * progress.done) / progress.total)}%`);
  return strings.progress(integer(progress.done), integer(progress.total));
}

export function App({ controller, strings, language, locale, officeTheme = null, compare, sensitivity }: AppProps): React.ReactElement {
  const styles = useStyles();
  const look = usePaneLook(officeTheme);
  const state = useControllerState(controller);
  React.useEffect(() => {
    void controller.check();
  }, [controller]);
  const currency = state.output?.currency ?? 'EUR';
  const format = React.useMemo(() => formatter(locale, currency), [locale, currency]);
  const json = state.output?.json ?? null;
  const headline = json === null ? null : headlineOf(json);
  const points = json === null ? [] : whalePoints(json);
  const progress = state.progress;
  const fraction = progress !== null && progress.total > 0 ? progress.done / progress.total : undefined;
  const explained = state.error === null ? null : strings.errorsOf[state.error.kind](state.error.items.map((s) => `"${s}"`).join(', '));

  return (
    <FluentProvider theme={fluentThemeOf(look)} lang={language} data-look={look}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.heading}>
            {strings.title}
          </Title3>
          <Caption1 as="p" className={styles.subtitle}>
            {strings.subtitle}
          </Caption1>
        </header>
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={state.busy} onClick={() => void controller.refresh()} data-testid="refresh">
            {strings.refresh}
          </Button>
          <Button disabledFocusable={state.busy} onClick={() => void controller.check()} data-testid="check">
            {strings.checkModel}
          </Button>
          <Button disabledFocusable={state.busy} onClick={() => void controller.insertSample()} data-testid="insert-sample">
            {strings.insertSample}
          </Button>
          <Button disabledFocusable={state.busy} onClick={() => void controller.insertEmpty(language)} data-testid="new-empty">
            {strings.newEmptyModel}
          </Button>
          <ImportButton strings={strings} busy={state.busy} onFile={(file) => void controller.importTransactions(file)} />
        </div>
        {state.busy ? (
          <div className={styles.section} data-testid="progress">
            <Field
              label={progress === null ? strings.stage.reading : strings.stage[progress.stage]}
              hint={progressHint(progress, strings, format.integer)}
            >
              <ProgressBar value={fraction} />
            </Field>
            <div>
              <Button size="small" onClick={() => controller.cancel()} data-testid="cancel">
                {strings.cancel}
              </Button>
            </div>
          </div>
        ) : null}
        {explained !== null && state.error !== null ? (
          <MessageBar intent={state.error.kind === 'cancelled' ? 'info' : 'error'} data-testid="error">
            <MessageBarBody>
              <MessageBarTitle>{explained.title}</MessageBarTitle> {explained.action}
              {state.error.detail !== null && state.error.kind === 'unknown' ? <Caption1 as="p">{state.error.detail}</Caption1> : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {state.functionsFollow !== 'yes' ? (
          <MessageBar intent="warning" data-testid="functions-not-following">
            <MessageBarBody>{strings.functionsNotFollowing(state.functionsFollow === 'retrying')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {state.updating && !state.busy ? (
          <Caption1 as="p" data-testid="updating-functions">
            {strings.updatingFunctions}
          </Caption1>
        ) : null}
        <ImportReport report={state.importReport} />
        {state.notice !== null ? (
          <MessageBar intent={state.notice.intent} data-testid="notice">
            <MessageBarBody>{state.notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        {headline !== null ? (
          <section className={styles.section}>
            <Subtitle2 as="h2">{strings.headline}</Subtitle2>
            <HeadlineFigures headline={headline} strings={strings} format={format} issues={state.issues} />
          </section>
        ) : null}
        {json !== null && json.customers.length > 0 ? (
          <section className={styles.section} data-testid="statement">
            <StatementPicker customers={json.customers} strings={strings} busy={state.busy} onWrite={(c) => void controller.writeStatement(c)} />
          </section>
        ) : null}
        {json !== null && state.output !== null ? (
          <section className={styles.section} data-testid="scenarios">
            <Subtitle2 as="h2">{strings.scenarios}</Subtitle2>
            <ScenariosView
              names={state.output.scenarios}
              figures={state.scenarioFigures}
              strings={strings}
              format={format}
              busy={state.busy}
              onRun={(names) => void controller.runScenarios(names)}
            />
          </section>
        ) : null}
        {compare !== undefined && json !== null && state.output !== null ? (
          <section className={styles.section} data-testid="compare-section">
            <Subtitle2 as="h2">{strings.periodsHeading}</Subtitle2>
            <CompareView
              compare={compare}
              strings={strings}
              format={format}
              busy={state.busy}
              keepBlocked={compare.keepBlocked(state.output)}
              period={json.period}
            />
          </section>
        ) : null}
        {sensitivity !== undefined && json !== null && state.output !== null ? (
          <section className={styles.section} data-testid="sensitivity-section">
            <Subtitle2 as="h2">{strings.sensitivityHeading}</Subtitle2>
            <SensitivityView sensitivity={sensitivity} strings={strings} format={format} busy={state.busy} locale={locale} />
          </section>
        ) : null}
        {points.length > 1 ? (
          <section className={styles.section}>
            <Subtitle2 as="h2">{strings.whaleCurve}</Subtitle2>
            <WhaleCurve points={points} label={strings.whaleCurve} axisX={strings.whaleAxisX} axisY={strings.whaleAxisY} formatPercent={format.percent} />
            {json !== null ? <Caption1 data-testid="whale-sentence">{whaleSentenceOf(json, strings.language)}</Caption1> : null}
          </section>
        ) : null}
        {json !== null && state.output?.costFlow != null ? (
          <section className={styles.section}>
            <Subtitle2 as="h2">{strings.costFlow}</Subtitle2>
            <CostFlow view={state.output.costFlow} strings={strings} format={format} />
          </section>
        ) : null}
        {state.ranges !== null ? (
          <section className={styles.section}>
            <Divider />
            <Subtitle2 as="h2">{strings.modelStatus}</Subtitle2>
            <ModelStatus ranges={state.ranges} issues={state.issues} strings={strings} format={format} onSelect={(i) => void controller.select(i)} />
          </section>
        ) : null}
      </main>
    </FluentProvider>
  );
}
