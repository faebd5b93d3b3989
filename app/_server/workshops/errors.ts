/**
 * The workshop feature's one typed error. Kinds say what went wrong in terms a route can map to a status
 * (workshop-request.ts does, once); messages are plain words a learner or instructor can act on.
 */
export type WorkshopErrorKind = "bad_request" | "not_found" | "not_started" | "ended" | "full" | "wrong_password" | "forbidden" | "conflict";

export class WorkshopError extends Error {
  override readonly name = "WorkshopError";
  constructor(
    readonly kind: WorkshopErrorKind,
    message: string,
    /** Every problem of a form, field by field, when there were several. */
    readonly problems?: Record<string, string>,
  ) {
    super(message);
  }
}

export const WORKSHOP_STATUS: Record<WorkshopErrorKind, number> = {
  bad_request: 400,
  wrong_password: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  not_started: 409,
  ended: 410,
  full: 409,
};
