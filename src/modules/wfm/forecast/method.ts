import type { Grid } from '../series.ts';

/**
 * A forecasting method: from the grid rows before `origin` only, the counts of rows
 * origin … origin + horizonDays − 1, slot by slot (row-major), NaN where it has no basis.
 * `origin` may lie past the last row: the rows between are unknown history.
 */
export interface ForecastMethod {
  readonly name: string;
  forecast(grid: Grid, origin: number, horizonDays: number): Float64Array;
}

/** The history rows a method may read: never the origin's row or later. */
export function historyRows(grid: Grid, origin: number): number {
  return Math.min(origin, grid.days);
}
