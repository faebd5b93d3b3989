#!/bin/bash
# hello:stable must carry the very images of hello:2 (same per-platform digests), which is what
# `imagetools create` does: it writes a new list in the registry without building anything.
fail() { echo "FAIL: $*"; exit 1; }
images() { crane manifest "$1" 2>/dev/null | jq -r '[.manifests[]? | select(.platform.os=="linux") | "\(.platform.architecture)=\(.digest)"] | sort | join(" ")'; }
two=$(images localhost:5000/hello:2)
[ -n "$two" ] || fail "localhost:5000/hello:2 is not a manifest list any more: push it again (step 3)."
crane manifest localhost:5000/hello:stable >/dev/null 2>&1 || fail "localhost:5000/hello:stable does not exist: make it from hello:2 with buildx imagetools create."
stable=$(images localhost:5000/hello:stable)
[ "$stable" = "$two" ] || fail "hello:stable holds [${stable:-no platform images}], hello:2 holds [$two]. Make hello:stable from hello:2 itself rather than building again: a rebuild makes new digests."
echo "hello:stable carries the same images as hello:2: $two"
