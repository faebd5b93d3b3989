/**
 * The typed failure of provisioning: which step failed and why, plus whether rollback itself left
 * anything behind (so the caller can say "and N objects could not be removed").
 */
export class ProvisionError extends Error {
  override readonly name = "ProvisionError";
  constructor(
    readonly step: string,
    /** The reason, without the step prefix. */
    readonly detail: string,
    options?: { cause?: unknown },
    readonly rollbackFailures: string[] = [],
  ) {
    super(`${step}: ${detail}`, options);
  }
}
