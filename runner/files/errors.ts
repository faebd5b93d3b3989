/**
 * Typed errors of editor file access. The HTTP edge maps each kind to a status once (bad_path 400,
 * outside_root 403, not_found 404, wrong_type 409, too_large 413); inside, callers branch on `kind`.
 */

export type FileErrorKind = "bad_path" | "outside_root" | "not_found" | "wrong_type" | "too_large";

export class FileAccessError extends Error {
  override readonly name = "FileAccessError";
  constructor(
    readonly kind: FileErrorKind,
    message: string,
  ) {
    super(message);
  }
}
