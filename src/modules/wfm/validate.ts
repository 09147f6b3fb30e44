import { WfmError } from './errors.ts';

/** Guards shared by the pure functions: each names the input so the message says what was wrong. */

export function requirePositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new WfmError('wfm.invalid_input', `${name} must be a positive number, got ${value}`);
  }
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new WfmError('wfm.invalid_input', `${name} must be zero or a positive number, got ${value}`);
  }
  return value;
}

export function requireAgents(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new WfmError('wfm.invalid_input', `${name} must be a whole number of agents ≥ 0, got ${value}`);
  }
  return value;
}

/** A fraction in [0, 1) (shrinkage) or (0, 1] (occupancy cap, service level), depending on the bounds. */
export function requireFraction(
  name: string,
  value: number,
  { allowZero, allowOne }: { allowZero: boolean; allowOne: boolean },
): number {
  const ok =
    Number.isFinite(value) && (allowZero ? value >= 0 : value > 0) && (allowOne ? value <= 1 : value < 1);
  if (!ok) {
    const range = `${allowZero ? '[0' : '(0'}, ${allowOne ? '1]' : '1)'}`;
    throw new WfmError('wfm.invalid_input', `${name} must be a fraction in ${range}, got ${value}`);
  }
  return value;
}
