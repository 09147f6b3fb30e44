/**
 * Prediction intervals from standardised forecast errors r = (actual − forecast) / √max(forecast, 1).
 * Dividing by the square root of the forecast makes errors of busy and quiet intervals comparable,
 * as they would be for Poisson counts, so one pool of past errors serves every interval. With too few
 * past errors the interval falls back to the Poisson one, forecast ± z·√forecast.
 */

/** Fewest past errors from which empirical quantiles are trusted. */
export const minResiduals = 30;

export function standardisedError(actual: number, forecast: number): number {
  return (actual - forecast) / Math.sqrt(Math.max(forecast, 1));
}

export interface IntervalQuantiles {
  lo: number;
  hi: number;
}

/**
 * The quantiles of standardised error bounding a central `level` interval.
 *
 * @example
 * errorQuantiles([], 0.8); // Poisson fallback: { lo: −1.2816, hi: 1.2816 }
 */
export function errorQuantiles(errors: readonly number[], level: number): IntervalQuantiles {
  if (errors.length < minResiduals) {
    const z = normalQuantile((1 + level) / 2);
    return { lo: -z, hi: z };
  }
  const sorted = [...errors].sort((a, b) => a - b);
  return { lo: quantile(sorted, (1 - level) / 2), hi: quantile(sorted, (1 + level) / 2) };
}

/** The interval around one forecast; never below zero. */
export function intervalAround(forecast: number, q: IntervalQuantiles): { lo: number; hi: number } {
  const scale = Math.sqrt(Math.max(forecast, 1));
  return { lo: Math.max(0, forecast + q.lo * scale), hi: Math.max(0, forecast + q.hi * scale) };
}

/** Linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
function quantile(sorted: readonly number[], p: number): number {
  const x = (sorted.length - 1) * p;
  const i = Math.floor(x);
  const lo = sorted[i]!;
  const hi = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return lo + (hi - lo) * (x - i);
}

/** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e−9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
