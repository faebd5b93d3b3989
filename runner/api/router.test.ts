/** Route matching: params are decoded, a trailing `*` takes any rest of the path, and 404 vs 405. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { HttpError } from "./errors";
import { Router } from "./router";

const noop = async () => {};

it("matches params exactly, a trailing * with any rest, and tells 404 from 405", () => {
  const r = new Router().add("GET", "/sessions/:id", noop).add("GET", "/sessions/:id/services/:host/:port/*", noop);
  assert.deepEqual(r.match("GET", "/sessions/a%20b").params, { id: "a b" });
  assert.deepEqual(r.match("GET", "/sessions/s1/services/web/8080").params, { id: "s1", host: "web", port: "8080" });
  assert.deepEqual(r.match("GET", "/sessions/s1/services/web/8080/a/b/").params, { id: "s1", host: "web", port: "8080" });
  const status = (method: string, path: string) => {
    try {
      r.match(method, path);
      return 200;
    } catch (err) {
      return (err as HttpError).status;
    }
  };
  assert.equal(status("GET", "/sessions/s1/services/web"), 404);
  assert.equal(status("GET", "/sessions/s1/extra"), 404);
  assert.equal(status("POST", "/sessions/s1/services/web/80/x"), 405);
});
