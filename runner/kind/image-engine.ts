/**
 * What building the kind node image needs from a container engine: inspect an image's labels, build
 * a context directory into a tagged image, and save images as one docker-archive (to preload them into
 * the node's containerd). `DockerImageEngine` is the real one: builds and inspection go through the
 * shared ContainerRuntime, saving through dockerode (the shared runtime has no save); tests use
 * FakeImageEngine (fake-image-engine.ts).
 */
import Docker from "dockerode";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { BuildImageOptions, ContainerRuntime, ImageInfo } from "../docker/runtime";

export interface ImageEngine {
  inspectImage(ref: string): Promise<ImageInfo | null>;
  buildImage(opts: BuildImageOptions): Promise<ImageInfo>;
  /** Writes a docker-archive (manifest.json + layers) containing all refs to destFile. */
  saveImages(refs: string[], destFile: string): Promise<void>;
}

export class ImageSaveError extends Error {
  override readonly name = "ImageSaveError";
}

export class DockerImageEngine implements ImageEngine {
  private readonly docker: Docker;

  constructor(
    private readonly runtime: ContainerRuntime,
    connection: { socketPath?: string } = {},
  ) {
    this.docker = new Docker({ socketPath: connection.socketPath ?? "/var/run/docker.sock" });
  }

  inspectImage(ref: string): Promise<ImageInfo | null> {
    return this.runtime.inspectImage(ref);
  }

  buildImage(opts: BuildImageOptions): Promise<ImageInfo> {
    return this.runtime.buildImage(opts);
  }

  async saveImages(refs: string[], destFile: string): Promise<void> {
    try {
      // GET /images/get?names=…: dockerode has it, its type definitions do not.
      const getImages = (this.docker as unknown as { getImages(o: { names: string[] }): Promise<NodeJS.ReadableStream> }).getImages;
      const stream = await getImages.call(this.docker, { names: refs });
      await pipeline(stream, createWriteStream(destFile));
    } catch (err) {
      throw new ImageSaveError(`saving ${refs.length} images (${refs.join(", ")}) to ${destFile} failed: ${String(err)}`, { cause: err });
    }
  }
}
