/**
 * The workbook contract v1: from the named ranges a host found to a typed model, with every cell-level
 * problem located by range, sheet and cell. Cross-row consistency (unknown pools, duplicates, shares over
 * 1 …) is the engine's `validateModel`; this module checks what can be seen one cell or row at a time.
 * See docs/workbook-contract.md, which describes the same rules for users and outside tools.
 */
import { error, type Issue } from '../engine/issues';
import { msg } from '../engine/messages';
import { type ModelInput, nameKey } from '../engine/model';
import { CONTRACT_HEADERS, CONTRACT_RANGES, type ContractRangeName } from './contract-spec';
import type { ContractGrid } from './column-grid';
import { RangeReader } from './range-reader';
import { readActivities } from './read-activities';
import { readCustomerCosts } from './read-customer-costs';
import { readCustomers } from './read-customers';
import { readPools } from './read-pools';
import { readResources } from './read-resources';
import { readScenarios } from './read-scenarios';
import { readSettings } from './read-settings';
import { readSupport } from './read-support';
import { readVolumes } from './read-volumes';

export { CONTRACT_HEADERS, CONTRACT_RANGES, columnHeaders } from './contract-spec';
export type { ContractColumn, ContractRange, ContractRangeName } from './contract-spec';

/** What was found of one named range. */
export interface RangeSummary {
  name: ContractRangeName;
  required: boolean;
  found: boolean;
  sheet: string | null;
  /** The range's address without the sheet, e.g. `A1:D20`. */
  address: string | null;
  /** Non-blank rows below the header row. */
  dataRows: number;
}

/** The model read from the ranges, every problem found, and what was found of each range. */
export interface ContractOutcome {
  model: ModelInput;
  issues: Issue[];
  ranges: RangeSummary[];
}

/** Ranges that must hold data rows: without customers or activities there is nothing to compute. */
const MUST_HAVE_ROWS = new Set<ContractRangeName>(['ABC_Activities', 'ABC_Customers']);
/** Ranges that must at least hold headers (ABC_Pools may be blank when every activity has a Rate). */
const MUST_HAVE_HEADERS = new Set<ContractRangeName>(['ABC_Activities', 'ABC_Customers', 'ABC_Volumes']);

/**
 * Reads the contract's ranges into a model.
 * `grids`: the contract's ranges the host found, keyed by contract name (the host matched names
 * case-insensitively). Absent required ranges are MISSING_RANGE. Never throws on bad cell content.
 */
export function readContract(grids: ReadonlyMap<ContractRangeName, ContractGrid>): ContractOutcome {
  const issues: Issue[] = [];
  const readers = new Map<ContractRangeName, RangeReader>();
  const ranges: RangeSummary[] = [];

  for (const name of CONTRACT_RANGES) {
    const required = CONTRACT_HEADERS[name].required;
    const grid = grids.get(name);
    if (grid === undefined) {
      if (required) {
        issues.push(error('MISSING_RANGE', msg('missingRange', { range: name }), { range: name }));
      }
      ranges.push({ name, required, found: false, sheet: null, address: null, dataRows: 0 });
      continue;
    }
    const reader = new RangeReader(name, grid, issues);
    ranges.push({ name, required, found: true, sheet: grid.sheet, address: reader.address(), dataRows: 0 });
    if (isWhollyBlank(reader)) {
      if (MUST_HAVE_HEADERS.has(name)) {
        issues.push(error('EMPTY_RANGE', msg('blankRange', { range: name }), reader.rangeWhere()));
      }
      continue;
    }
    readers.set(name, reader);
  }

  // The ledger first: with ledger lines a pool's Cost may be blank (filled from the ledger).
  const resources = read(readers.get('ABC_Resources'), readResources);
  const pools = read(readers.get('ABC_Pools'), (r) => readPools(r, resources.rows.length > 0));
  const activities = read(readers.get('ABC_Activities'), readActivities);
  // Settings first: Dimensions says which near-miss headers of ABC_Customers are meant (issues are sorted by range anyway).
  const settings = readSettings(readers.get('ABC_Settings') ?? null);
  const customers = read(readers.get('ABC_Customers'), (r) => readCustomers(r, settings.settings.dimensions));
  const volumesReader = readers.get('ABC_Volumes');
  const usedDrivers = new Set(activities.rows.flatMap((a) => (a.driver === null ? [] : [nameKey(a.driver)])));
  const volumes = volumesReader === undefined ? null : readVolumes(volumesReader, usedDrivers);
  const customerCosts = read(readers.get('ABC_CustomerCosts'), readCustomerCosts);
  const scenarios = read(readers.get('ABC_Scenarios'), readScenarios);
  const support = read(readers.get('ABC_Support'), readSupport);

  const dataRows: Record<ContractRangeName, number> = {
    ABC_Pools: pools.dataRows,
    ABC_Activities: activities.dataRows,
    ABC_Customers: customers.dataRows,
    ABC_Volumes: volumes?.dataRows ?? 0,
    ABC_CustomerCosts: customerCosts.dataRows,
    ABC_Settings: settings.dataRows,
    ABC_Scenarios: scenarios.dataRows,
    ABC_Resources: resources.dataRows,
    ABC_Support: support.dataRows,
  };
  for (const summary of ranges) summary.dataRows = dataRows[summary.name];

  for (const name of MUST_HAVE_ROWS) {
    const reader = readers.get(name);
    if (reader !== undefined && dataRows[name] === 0) {
      issues.push(error('EMPTY_RANGE', msg('noRows', { range: name }), reader.rangeWhere()));
    }
  }
  for (const reader of readers.values()) reader.finish();

  const model: ModelInput = {
    pools: pools.rows,
    activities: activities.rows,
    customers: customers.rows,
    volumes: volumes?.volumes ?? [],
    volumeDrivers: volumes?.volumeDrivers ?? [],
    customerCosts: customerCosts.rows,
    settings: settings.settings,
    ...(scenarios.rows.length > 0 ? { scenarios: scenarios.rows } : {}),
    // Only when there are rows, so a model without the first stage (or with its empty tables) reads as before.
    ...(resources.rows.length > 0 ? { resources: resources.rows } : {}),
    ...(support.rows.length > 0 ? { support: support.rows } : {}),
  };
  return { model, issues: sortIssues(issues), ranges };
}

function read<T>(reader: RangeReader | undefined, readRange: (r: RangeReader) => { rows: T[]; dataRows: number }): { rows: T[]; dataRows: number } {
  return reader === undefined ? { rows: [], dataRows: 0 } : readRange(reader);
}

function isWhollyBlank(reader: RangeReader): boolean {
  for (let r = 0; r < reader.height; r++) if (!reader.isRowBlank(r)) return false;
  return true;
}

/** Issues in contract order (range by range); within a range in the order found, which is row order. */
function sortIssues(issues: Issue[]): Issue[] {
  const rank = (i: Issue): number => {
    const k = CONTRACT_RANGES.indexOf(i.where.range as ContractRangeName);
    return k < 0 ? CONTRACT_RANGES.length : k;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index)
    .map((x) => x.issue);
}
