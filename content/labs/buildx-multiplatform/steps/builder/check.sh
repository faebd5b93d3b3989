#!/bin/bash
# A builder named "lab" must exist, use the remote driver pointed at this host's buildkitd socket,
# answer (status running) and be the builder buildx picks when no --builder is given.
SOCK=unix:///run/buildkit/buildkitd.sock
fail() { echo "FAIL: $*"; exit 1; }
out=$(buildx inspect lab 2>&1) || fail "there is no buildx builder named lab yet (buildx said: $(tail -1 <<<"$out")). Create it with buildx create --name lab …"
field() { sed -n "s/^$1:[[:space:]]*//p" <<<"$out" | head -1; }
driver=$(field Driver)
[ "$driver" = remote ] || fail "builder lab uses the $driver driver. Only the remote driver connects to a buildkitd you run yourself: remove it (buildx rm lab) and create it with --driver remote."
endpoint=$(field Endpoint)
[ "$endpoint" = "$SOCK" ] || fail "builder lab points at '$endpoint', but buildkitd listens on $SOCK."
status=$(field Status)
[ "$status" = running ] || fail "builder lab is '$status', not running: is buildkitd up? (lab-buildkitd status; the log is /var/log/buildkitd.log)"
current=$(buildx inspect 2>/dev/null | sed -n 's/^Name:[[:space:]]*//p' | head -1)
[ "$current" = lab ] || fail "builder lab works, but buildx still picks '${current:-default}' when you give no --builder: run buildx use lab (or create it with --use)."
echo "builder lab: remote driver, $SOCK, running, selected"
