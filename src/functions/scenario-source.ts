/**
 * The scenario outcomes `ABC.SCENARIO` answers from, computed at most once per model version and only
 * when a formula asks: running the scenarios reruns the engine once per scenario, which the pane's
 * check after every edit should not pay for when no formula wants them. Each indexed model has its own
 * source, so the cache goes with the model version. Pure: the computation is injected (in the add-in it
 * runs in the pane's Web Worker; in Node it is the engine called in place).
 */
import { nameKey } from '../engine/model';
import type { Issue } from '../engine/issues';
import type { MessageLanguage } from '../engine/messages';
import type { IssueJson } from '../workbook/result-json';
import { type FunctionError, valueError } from './function-result';
import type { ScenarioCustomerJson, ScenarioFiguresJson } from './scenario-figures';

/** What running the scenarios gave: the figures, and the problems found (an error means no figures). */
export interface ScenarioLoad {
  figures: ScenarioFiguresJson[];
  issues: ReadonlyArray<Issue | IssueJson>;
}

/**
 * Runs the model's scenarios. Null (or a promise of null) when the model it was asked for is no longer
 * the latest: the figures of the newer one come with its own source.
 */
export type ScenarioLoader = () => ScenarioLoad | null | Promise<ScenarioLoad | null>;

/** One scenario, indexed for look-ups. */
export interface IndexedScenario {
  figures: ScenarioFiguresJson;
  /** Customer id key → the customer's effect; a customer not here keeps its net profit. */
  customers: ReadonlyMap<string, ScenarioCustomerJson>;
}

/** Where the scenarios of a model are. */
export type ScenarioState =
  /** The workbook has no ABC_Scenarios (or no rows in it). */
  | { status: 'none' }
  /** Being computed: a formula sets nothing yet (Excel shows #BUSY!). */
  | { status: 'pending' }
  | { status: 'ready'; scenarios: ReadonlyMap<string, IndexedScenario>; scenarioNames: readonly string[] }
  | { status: 'failed'; error: FunctionError };

/** Formats the first error of a list with its location, as the model's errors are shown. */
export type ErrorsMessage = (issues: ReadonlyArray<Issue | IssueJson>) => FunctionError | null;

export class ScenarioSource {
  private state: ScenarioState | null = null;
  /** Called once when a computation started by `current` ends (the store then answers the waiting formulas again). */
  onSettled: (() => void) | null = null;

  /**
   * `load` is null for a model without scenarios. `errors` turns the problems of the run into the
   * answer every formula gives (see model-index.ts).
   */
  constructor(
    private readonly load: ScenarioLoader | null,
    private readonly errors: ErrorsMessage,
    private readonly language: MessageLanguage = 'en',
  ) {}

  /** The scenarios' state; the first call starts their computation. */
  current(): ScenarioState {
    if (this.state !== null) return this.state;
    if (this.load === null) {
      this.state = { status: 'none' };
      return this.state;
    }
    this.state = { status: 'pending' };
    let loaded: ReturnType<ScenarioLoader>;
    try {
      loaded = this.load();
    } catch (e) {
      this.state = this.failed(e);
      return this.state;
    }
    if (loaded === null || !isPromise(loaded)) {
      if (loaded !== null) this.state = this.settle(loaded);
      return this.state;
    }
    loaded.then(
      (load) => {
        // A newer model is on its way with its own source; this one keeps its formulas waiting for it.
        if (load === null) return;
        this.state = this.settle(load);
        this.onSettled?.();
      },
      (e: unknown) => {
        this.state = this.failed(e);
        this.onSettled?.();
      },
    );
    return this.state;
  }

  private settle(load: ScenarioLoad): ScenarioState {
    const error = this.errors(load.issues);
    if (error !== null) return { status: 'failed', error };
    const scenarios = new Map<string, IndexedScenario>();
    for (const figures of load.figures) {
      const customers = new Map<string, ScenarioCustomerJson>();
      for (const c of figures.customers) customers.set(nameKey(c.customer), c);
      scenarios.set(nameKey(figures.scenario), { figures, customers });
    }
    return { status: 'ready', scenarios, scenarioNames: load.figures.map((f) => f.scenario) };
  }

  private failed(e: unknown): ScenarioState {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      status: 'failed',
      error: valueError(
        this.language === 'nl'
          ? `De scenario's konden niet worden berekend (${detail}). Kies Rapport vernieuwen in het ABC-taakvenster.`
          : `The scenarios could not be computed (${detail}). Press Refresh in the ABC pane.`,
      ),
    };
  }
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}
