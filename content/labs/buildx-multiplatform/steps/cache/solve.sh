#!/bin/bash
# Plays a CI runner twice: each run starts from an empty builder and only the registry cache carries over.
set -euo pipefail
cd /root/lab/hello
CACHE=localhost:5000/hello:buildcache
build() {
  buildx build --platform linux/amd64,linux/arm64 -t localhost:5000/hello:1 --push --progress=plain \
    --cache-to type=registry,ref=$CACHE,mode=max --cache-from type=registry,ref=$CACHE . 2>&1
}
buildx prune --all --force >/dev/null
build >/tmp/first-run.log
buildx prune --all --force >/dev/null
build >/tmp/second-run.log
# The point of the step: on the empty builder both compiles come from the registry cache.
grep -A1 -E '^#[0-9]+ \[.*go build' /tmp/second-run.log
[ "$(grep -A1 -E '^#[0-9]+ \[.*go build' /tmp/second-run.log | grep -cE '^#[0-9]+ CACHED')" = 2 ]
