/**
 * Image references compared the way Docker resolves them: "nginx" is "docker.io/library/nginx:latest",
 * "bitnami/redis:7" is "docker.io/bitnami/redis:7", and a digest pins an exact image. So a check that
 * expects `nginx:1.27` passes whether the learner typed `nginx:1.27` or `docker.io/library/nginx:1.27`.
 */

export function normaliseImage(reference: string): string {
  let ref = reference.trim();
  const digestAt = ref.indexOf("@");
  const digest = digestAt === -1 ? "" : ref.slice(digestAt);
  if (digestAt !== -1) ref = ref.slice(0, digestAt);
  const slash = ref.indexOf("/");
  const first = slash === -1 ? "" : ref.slice(0, slash);
  // A first component with a dot or a port, or "localhost", names a registry.
  const hasRegistry = first !== "" && (first.includes(".") || first.includes(":") || first === "localhost");
  let path = hasRegistry ? ref : `docker.io/${slash === -1 ? `library/${ref}` : ref}`;
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  if (!lastSegment.includes(":") && digest === "") path = `${path}:latest`;
  return `${path}${digest}`;
}

export function sameImage(expected: string, actual: string): boolean {
  return normaliseImage(expected) === normaliseImage(actual);
}
