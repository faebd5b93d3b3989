/**
 * The background auto-check loop and the event stream on top of it, with a scripted run function: one
 * loop per watched session however many streams, never two runs at once, only changes pushed, published
 * views reaching every stream, failures survived, and everything stopped when the last stream goes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LabSessionDeps } from "../lab-sessions";
import { ProgressHub } from "./progress-hub";
import type { ProgressView } from "./progress-model";
import { progressStream } from "./progress-stream";

const view = (sessionId: string, earned: number): ProgressView => ({ sessionId, labId: "lab", currentStepId: "one", finished: false, steps: [], score: { earned, max: 9 } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Polls instead of trusting fixed delays, so a busy machine slows the test down rather than failing it. */
async function waitFor(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function scriptedHub(opts: { runMs?: number; fail?: () => boolean } = {}) {
  const state = { runs: 0, running: 0, maxRunning: 0, opened: 0, closed: 0, earned: 0, errors: 0 };
  const hub = new ProgressHub({
    intervalMs: 5,
    open: async () => {
      state.opened++;
      return { deps: {} as LabSessionDeps, close: async () => void state.closed++ };
    },
    run: async (_deps, sessionId) => {
      state.runs++;
      state.running++;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      await sleep(opts.runMs ?? 0);
      state.running--;
      if (opts.fail?.()) throw new Error("runner down");
      return view(sessionId, state.earned);
    },
    onError: () => void state.errors++,
  });
  return { hub, state };
}

describe("ProgressHub", () => {
  it("runs one loop per session for all its listeners, never overlapping, and stops with the last listener", async () => {
    const { hub, state } = scriptedHub({ runMs: 20 });
    const a: ProgressView[] = [];
    const b: ProgressView[] = [];
    const offA = hub.subscribe("s1", (v) => a.push(v), view("s1", 0));
    const offB = hub.subscribe("s1", (v) => b.push(v));
    await waitFor("three runs", () => state.runs >= 3);
    assert.equal(state.maxRunning, 1, "runs never overlap");
    assert.equal(state.opened, state.closed + state.running);
    assert.deepEqual([a.length, b.length], [0, 0], "nothing changed, nothing sent");

    state.earned = 4;
    await waitFor("the change to arrive", () => a.length > 0 && b.length > 0);
    await sleep(30);
    assert.deepEqual([a.map((v) => v.score.earned), b.map((v) => v.score.earned)], [[4], [4]], "a change is sent once to every listener");

    offA();
    offB();
    await waitFor("the last run to end", () => state.running === 0);
    const runs = state.runs;
    await sleep(60);
    assert.equal(state.runs, runs, "no runs once nobody listens");
    assert.deepEqual(hub.watchedSessions, []);
    assert.equal(state.opened, state.closed, "every run's dependencies were closed");
  });

  it("sends published views to the session's listeners only, and only when they differ", () => {
    const { hub } = scriptedHub();
    const got: number[] = [];
    const other: number[] = [];
    const off = hub.subscribe("s1", (v) => got.push(v.score.earned), view("s1", 0));
    const offOther = hub.subscribe("s2", (v) => other.push(v.score.earned));
    hub.publish(view("s1", 0));
    hub.publish(view("s1", 2));
    hub.publish(view("s1", 2));
    hub.publish(view("s3", 5)); // nobody watches s3: dropped
    assert.deepEqual([got, other], [[2], []]);
    off();
    offOther();
  });

  it("keeps the loop going after a failed run and reports the failure", async () => {
    let calls = 0;
    const { hub, state } = scriptedHub({ fail: () => ++calls === 1 });
    const got: ProgressView[] = [];
    const off = hub.subscribe("s1", (v) => got.push(v));
    await waitFor("a run after the failure", () => got.length === 1 && state.runs >= 2);
    off();
    await waitFor("the last run to end", () => state.opened === state.closed);
    assert.equal(state.errors, 1);
  });
});

describe("progressStream", () => {
  const read = async (reader: ReadableStreamDefaultReader<Uint8Array>) => new TextDecoder().decode((await reader.read()).value);

  it("sends the current progress, then changes, and unsubscribes when the browser leaves", async () => {
    const { hub, state } = scriptedHub();
    const stream = progressStream(hub, view("s1", 1), undefined, 10);
    const reader = stream.getReader();
    const first = await read(reader);
    assert.equal(first, `event: progress\ndata: ${JSON.stringify(view("s1", 1))}\n\n`);
    state.earned = 3;
    const seen: string[] = [];
    while (!(seen.some((m) => m.includes('"earned":3')) && seen.includes(": keepalive\n\n"))) seen.push(await read(reader));
    assert.deepEqual(seen.filter((m) => m.startsWith("event: progress")).length, 1, "one event for the one change");
    await reader.cancel();
    await waitFor("the loop to stop", () => hub.watchedSessions.length === 0);
  });

  it("ends the stream and the loop when the request is aborted", async () => {
    const { hub } = scriptedHub();
    const abort = new AbortController();
    const reader = progressStream(hub, view("s9", 0), abort.signal).getReader();
    await read(reader);
    assert.deepEqual(hub.watchedSessions, ["s9"]);
    abort.abort();
    assert.equal((await reader.read()).done, true);
    await waitFor("the loop to stop", () => hub.watchedSessions.length === 0);
  });
});
