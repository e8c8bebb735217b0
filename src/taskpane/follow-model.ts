/**
 * One computation for the pane and the worksheet functions: the pane's controller reads the model and
 * computes it in the Web Worker; every such computation is published to the functions' store; edits to the
 * model's cells (watched through the gateway) and manual recalculations make the feed run one more,
 * quietly, after a short quiet period. A formula waiting at start-up is served by the pane's own first
 * check, so the workbook is read once, not once for the pane and once for the functions.
 */
import type { ModelWatch, WorkbookActions } from '../excel/actions';
import { toGatewayError } from '../excel/errors';
import type { MessageLanguage } from '../engine/messages';
import { DEFAULT_DEBOUNCE_MS, type FeedTimers, ModelFeed } from '../functions/model-feed';
import type { ModelStore } from '../functions/model-store';
import { periodFiguresFetcher } from './compare-controller';
import type { Computer } from './computer';
import { PaneController } from './controller';
import type { Strings } from './i18n';
import { ReadCache } from './read-cache';
import { sensitivityFetcher } from './sensitivity-controller';

/** What the pane needs to follow the model. */
export interface FollowOptions {
  actions: WorkbookActions;
  computer: Computer;
  strings: Strings;
  store: ModelStore;
  /** Language of the functions' messages for a model with errors. */
  language: MessageLanguage;
  formatMs?: (ms: number) => string;
  debounceMs?: number;
  timers?: FeedTimers;
  /** Waits before each new attempt to watch the model after one failed; the last failure gives up. */
  watchRetryMs?: readonly number[];
}

/** Waits between attempts to start watching: about half a minute in all, then the pane says it gave up. */
export const WATCH_RETRY_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000];

/** The pane's controller and the feed, with the watch once it has started. */
export interface FollowingPane {
  controller: PaneController;
  feed: ModelFeed;
  /**
   * Resolves once the model's cells are watched, after as many attempts as it took (null when the host kept
   * refusing, or the pane stopped first: the functions then follow Check and Refresh only, and the pane says so).
   */
  watching: Promise<ModelWatch | null>;
  /** Stops watching and following. */
  stop(): Promise<void>;
}

/** Builds the pane's controller wired to the functions' store, and starts watching the model's cells. */
export function followModel(options: FollowOptions): FollowingPane {
  const { actions, computer, strings, store, language } = options;
  const feed = new ModelFeed(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, options.timers);
  const reads = new ReadCache();
  let watch: ModelWatch | null = null;
  const track = <T>(work: () => Promise<T>): Promise<T> =>
    feed.track(work).then(
      (result) => {
        // The model may have moved (a sample inserted, a name redefined): watch where it is now.
        void watch?.relocate().catch(() => undefined);
        return result;
      },
      (err: unknown) => {
        // Cancel leaves the functions on the last good model: the user stopped a read, the model did not
        // become unreadable (the change that made it stale is still followed). Any other failure after a
        // change makes the last model stale, and the functions say why.
        if (!feed.fresh && toGatewayError(err).kind !== 'cancelled') store.fail(unreadMessage(err));
        // A read that may succeed later is tried again later, for the formulas still waiting.
        if (toGatewayError(err).retryable) feed.retryLater();
        throw err;
      },
    );
  const controller = new PaneController(
    reads.wrap(actions),
    computer,
    strings,
    options.formatMs,
    (output) =>
      store.publishJson({
        issues: output.issues,
        json: output.json,
        language,
        // Run in the worker when the first ABC.SCENARIO asks, on the very result this model was published from.
        scenarios: output.scenarios.length === 0 ? null : () => controller.scenarioFiguresFor(output.resultId),
        // Fetched from the worker when the first ABC.CHANGE asks, exactly (decimals as text).
        figures: output.json === null ? null : () => fetchFigures(output.resultId),
        // Analysed in the worker when the first ABC.PROFITRANGE or ABC.LOSSCHANCE asks, once per result (the pane's Run shares it).
        sensitivity: output.json === null ? null : () => fetchSensitivity(output.resultId),
      }),
    track,
  );
  const fetchFigures = periodFiguresFetcher(controller, computer);
  const fetchSensitivity = sensitivityFetcher(controller, computer);
  // ABC_History is read when a formula first asks for a kept period (ABC.PROFIT with a period, ABC.CHANGE).
  const readKept = actions.readKeptPeriods;
  store.connectHistory(readKept === undefined ? null : () => readKept.call(actions));
  feed.connect(() => controller.follow(() => !feed.fresh));
  // A manual recalculation may have changed any range without an event: the next read reads them all.
  store.connect({
    wanted: () => feed.wanted(),
    recalculated: () => {
      reads.changedAll();
      feed.recalculated();
    },
  });
  const timers = options.timers ?? { set: (callback: () => void, ms: number) => setTimeout(callback, ms), clear: (h: unknown) => clearTimeout(h as number) };
  const delays = options.watchRetryMs ?? WATCH_RETRY_MS;
  let stopped = false;
  let retryTimer: unknown = null;
  let wake: () => void = () => undefined;
  const later = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      retryTimer = timers.set(() => {
        retryTimer = null;
        resolve();
      }, ms);
    });
  const start = async (): Promise<ModelWatch | null> => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        const w = await actions.watchModel((ranges) => {
          reads.changed(ranges);
          feed.changed();
        });
        if (stopped) {
          await w.stop();
          return null;
        }
        watch = w;
        controller.setFunctionsFollow('yes');
        // Edits made while the watch was off were not seen: the next read reads every range.
        if (attempt > 0) {
          reads.changedAll();
          feed.changed();
        }
        return w;
      } catch {
        const delay = delays[attempt];
        if (delay === undefined) break;
        controller.setFunctionsFollow('retrying');
        await later(delay);
      }
    }
    if (!stopped) controller.setFunctionsFollow('no');
    return null;
  };
  const watching = start();
  return {
    controller,
    feed,
    watching,
    async stop() {
      stopped = true;
      if (retryTimer !== null) timers.clear(retryTimer);
      wake();
      feed.dispose();
      store.connect(null);
      await (await watching)?.stop();
    },
  };
}

function unreadMessage(err: unknown): string {
  const e = toGatewayError(err);
  return `Could not read the model from the workbook (${e.detail ?? e.kind}). Open the ABC pane and press Refresh.`;
}
