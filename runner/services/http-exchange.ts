/**
 * One HTTP exchange with a web service inside a host, streamed: the request goes into a tunnel (tunnel.ts)
 * to 127.0.0.1:<port> in the host, the answer's head is read and parsed, and its body is handed on as it
 * arrives, so server-sent events, long polls and large downloads pass through without being held. Only
 * the head has a deadline; after it, the exchange lasts until the body is complete or the caller drops it
 * (destroying `body` ends the tunnel, and so the service's connection).
 */
import type { Readable } from "node:stream";
import type { ContainerRuntime, PipedExec } from "../docker/runtime";
import { ServiceError } from "./errors";
import { bodyFraming, encodeHttpRequest, HttpWireError, parseResponseHead, ResponseBody, type BodyFraming, type HeaderList, type ResponseHead, type WireRequest } from "./http-wire";
import { openTunnel, tunnelFailure, type RelayTool } from "./tunnel";

export interface ServiceAnswer {
  status: number;
  statusText: string;
  headers: HeaderList;
  /** The body's length when the service declared one (Content-Length). */
  length?: number;
  /** The body as it arrives; errors if the service's answer breaks off before the body is complete. */
  body: Readable;
}

export interface ExchangeOptions {
  /** How long the service may take to start answering (the whole head). */
  headTimeoutMs: number;
  /** A head larger than this is refused (default 64 KiB). */
  maxHeadBytes?: number;
  /** Which relay tools to try, in order (tests pin one). */
  tools?: readonly RelayTool[];
}

const MAX_HEAD_BYTES = 64 * 1024;

/** Sends `request` to its port inside the container and resolves when the answer's head has arrived. */
export async function exchangeHttp(runtime: ContainerRuntime, containerId: string, request: WireRequest, opts: ExchangeOptions): Promise<ServiceAnswer> {
  const bytes = encodeHttpRequest(request);
  const tunnel = await openTunnel(runtime, containerId, request.port, opts.tools);
  // A service may answer (and close) before reading the whole request; that is its right, not our error.
  tunnel.stdin.on("error", () => undefined);
  // stdin stays open: the relay ends when either direction does, and the answer comes after the request.
  tunnel.stdin.write(bytes);
  let head: ResponseHead;
  let rest: Buffer;
  let framing: BodyFraming;
  try {
    ({ head, rest } = await readHead(tunnel, request.port, opts));
    framing = bodyFraming(request.method, head);
  } catch (err) {
    tunnel.close();
    throw err instanceof HttpWireError ? new ServiceError("bad_response", `port ${request.port}: ${err.message}`) : err;
  }
  const body = new ResponseBody(framing);
  const finish = () => tunnel.close();
  body.once("end", finish);
  body.once("close", finish);
  if (rest.length > 0) body.write(rest);
  tunnel.stdout.pipe(body);
  return { status: head.status, statusText: head.statusText, headers: head.headers, length: framing.kind === "length" ? framing.length : undefined, body };
}

/** Reads until the final head (interim 1xx answers skipped); resolves with it and the body bytes already read. */
function readHead(tunnel: PipedExec, port: number, opts: ExchangeOptions): Promise<{ head: ResponseHead; rest: Buffer }> {
  const maxHeadBytes = opts.maxHeadBytes ?? MAX_HEAD_BYTES;
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    let received = 0;
    const stop = (settle: () => void) => {
      clearTimeout(timer);
      tunnel.stdout.off("data", onData);
      tunnel.stdout.off("end", onEnd);
      tunnel.stdout.pause();
      settle();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      buffered = Buffer.concat([buffered, chunk]);
      try {
        for (;;) {
          const head = parseResponseHead(buffered);
          if (head === null) break;
          buffered = buffered.subarray(head.length);
          if (head.status >= 100 && head.status < 200 && head.status !== 101) continue; // 100 Continue, 103 Early Hints
          stop(() => resolve({ head, rest: buffered }));
          return;
        }
      } catch (err) {
        if (!(err instanceof HttpWireError)) throw err;
        stop(() => reject(new ServiceError("bad_response", `port ${port}: ${err.message}`)));
        return;
      }
      if (buffered.length > maxHeadBytes) stop(() => reject(new ServiceError("bad_response", `port ${port}: the service's answer has no end of headers within ${maxHeadBytes} bytes`)));
    };
    const onEnd = () => {
      stop(() => undefined);
      if (received > 0) reject(new ServiceError("bad_response", `port ${port}: the service closed the connection in the middle of its headers`));
      else void tunnel.exited.then((exit) => reject(tunnelFailure(exit, port)));
    };
    const timer = setTimeout(() => {
      stop(() => reject(new ServiceError("timed_out", `the service on port ${port} did not start answering within ${Math.round(opts.headTimeoutMs / 1000)}s`)));
    }, opts.headTimeoutMs);
    tunnel.stdout.on("data", onData);
    tunnel.stdout.once("end", onEnd);
  });
}
