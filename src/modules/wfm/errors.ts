import { AppError } from '../../platform/errors.ts';

/**
 * The one error type of the workforce-management module. Every message says what was wrong and where,
 * so that a planner reading the command line or a screen can fix the input without reading code.
 */
export type WfmErrorCode =
  | 'wfm.invalid_input'
  | 'wfm.unreachable_target'
  | 'wfm.bad_history'
  | 'wfm.infeasible'
  | 'wfm.solver_failed';

/** HTTP status each code maps to once routes exist: bad input is a 4xx, never a 500. */
export const wfmErrorStatus: Record<WfmErrorCode, number> = {
  'wfm.invalid_input': 400,
  'wfm.unreachable_target': 422,
  'wfm.bad_history': 422,
  'wfm.infeasible': 422,
  'wfm.solver_failed': 500,
};

/**
 * An expected failure of a WFM computation (bad input, a target no staffing can meet, …), an
 * application error with its code and HTTP status.
 *
 * @example
 * throw new WfmError('wfm.invalid_input', 'arrivals per hour must be a positive number, got -3');
 */
export class WfmError extends AppError {
  declare readonly code: WfmErrorCode;
  declare readonly details: Record<string, unknown> | undefined;

  constructor(code: WfmErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, wfmErrorStatus[code], message, details);
    this.name = 'WfmError';
  }
}
