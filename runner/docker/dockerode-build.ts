/**
 * Image builds through the Docker build API: sends a context directory, streams the engine's JSON
 * progress as plain lines, and turns an `error` event (which Docker reports inside a 200 response)
 * into a RuntimeError that quotes the failing step.
 */
import type Docker from "dockerode";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { engine } from "./dockerode-errors";
import { RuntimeError } from "./errors";
import type { BuildImageOptions, ImageInfo } from "./runtime";

async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full));
  }
  return out.sort();
}

interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
}

export async function dockerBuildImage(
  docker: Docker,
  opts: BuildImageOptions,
  inspect: (ref: string) => Promise<ImageInfo | null>,
): Promise<ImageInfo> {
  const what = `build image ${opts.tag} from ${opts.contextDir}`;
  const src = await engine(what, () => listFiles(opts.contextDir));
  const stream = await engine(what, () =>
    docker.buildImage({ context: opts.contextDir, src }, { t: opts.tag, labels: { ...opts.labels }, rm: true, forcerm: true }),
  );
  let buildError: string | undefined;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(err) : resolve()),
      (event: BuildEvent) => {
        if (event.error) buildError = event.errorDetail?.message ?? event.error;
        const text = (event.stream ?? event.status ?? event.error ?? "").replace(/\n+$/, "");
        if (text && opts.onProgress) for (const line of text.split("\n")) opts.onProgress(line);
      },
    );
  }).catch((err: unknown) => {
    throw new RuntimeError("failed", `${what}: ${String(err)}`, { cause: err });
  });
  if (buildError) throw new RuntimeError("failed", `${what}: ${buildError}`);
  const image = await inspect(opts.tag);
  if (!image) throw new RuntimeError("failed", `${what}: build finished but ${opts.tag} is missing`);
  return image;
}
