/**
 * The closed vocabularies stored as plain strings in the database (SQLite has no enums, and strings
 * keep the two schema flavours identical), plus the check-output cap. Pure: safe to import from
 * the lab model, the session state machine or the browser. Writers should only store these values.
 */

export const SESSION_STATES = ['provisioning', 'ready', 'expired', 'stopped', 'failed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const STEP_STATUSES = ['locked', 'active', 'passed', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Who ran a check: the learner's Check button, the background auto-check, or Skip after `solve`. */
export const CHECK_TRIGGERS = ['learner', 'background', 'skip'] as const;
export type CheckTrigger = (typeof CHECK_TRIGGERS)[number];

export const USER_ROLES = ['learner', 'instructor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isSessionState(value: string): value is SessionState {
  return (SESSION_STATES as readonly string[]).includes(value);
}

export function isStepStatus(value: string): value is StepStatus {
  return (STEP_STATUSES as readonly string[]).includes(value);
}

export function isUserRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** Longest check output kept per CheckRun; a chatty check must not bloat the database. */
export const CHECK_OUTPUT_MAX_CHARS = 16_384;
const CUT_MARK = '\n… [output truncated] …\n';

/**
 * Fits `output` into `max` characters, keeping its beginning and its end (where errors usually
 * are) around a visible marker.
 */
export function capCheckOutput(output: string, max = CHECK_OUTPUT_MAX_CHARS): string {
  if (output.length <= max) return output;
  const room = Math.max(0, max - CUT_MARK.length);
  const head = Math.ceil(room / 2);
  return output.slice(0, head) + CUT_MARK + output.slice(output.length - (room - head));
}
