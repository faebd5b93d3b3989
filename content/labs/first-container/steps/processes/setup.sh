#!/usr/bin/env bash
# Starts a long-running process named "lab-worker" for the learner to find. `exec -a` renames it in
# /proc/<pid>/cmdline; setsid detaches it so it survives the end of this setup exec.
set -euo pipefail
if ! pgrep -f '^lab-worker' >/dev/null; then
  setsid bash -c 'exec -a lab-worker sleep infinity' </dev/null >/dev/null 2>&1 &
fi
rm -f /root/pid1.txt /root/worker-pid.txt
