/**
 * Image reference normalisation, as Docker applies it: a reference without a tag or digest means
 * ":latest". Done in one place so specs, the fake runtime and the builder compare refs the same way.
 */
export function normalizeImageRef(ref: string): string {
  const lastSegment = ref.slice(ref.lastIndexOf("/") + 1);
  return ref === "" || ref.includes("@") || lastSegment.includes(":") ? ref : `${ref}:latest`;
}
