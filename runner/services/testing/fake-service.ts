/**
 * A web service inside a FakeRuntime host, for unit tests of what reaches services through tunnels: it
 * claims the tunnels opened to `port`, reads one HTTP request from each (head and Content-Length body),
 * records it, and lets the test answer by writing to `call.output` (and ending the process with
 * `call.exit`), so tests can stream, stall, break off or refuse.
 */
import type { FakePipeCall, FakeRuntime } from "../../docker/fake-runtime";

export interface ReceivedRequest {
  /** The request head as received, up to and including the blank line. */
  head: string;
  body: Buffer;
  /** The tunnel's command (which tools it tries, which port). */
  cmd: string[];
}

export interface FakeService {
  readonly requests: ReceivedRequest[];
  /** How many of its tunnels have been closed by the runner (the process got its stdin closed or was dropped). */
  readonly closed: () => number;
}

export function fakeService(runtime: FakeRuntime, port: number, answer: (request: ReceivedRequest, call: FakePipeCall) => void): FakeService {
  const requests: ReceivedRequest[] = [];
  let closed = 0;
  runtime.onPipe((call) => {
    if (call.cmd.at(-1) !== String(port)) return false;
    let buffered = Buffer.alloc(0);
    let answered = false;
    call.input.on("close", () => closed++);
    call.input.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (answered || end < 0) return;
      const head = buffered.subarray(0, end + 4).toString("latin1");
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      answered = true;
      const request = { head, body: buffered.subarray(end + 4, end + 4 + length), cmd: call.cmd };
      requests.push(request);
      answer(request, call);
    });
    return true;
  });
  return { requests, closed: () => closed };
}
