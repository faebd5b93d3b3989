#!/usr/bin/env bash
# Runs the learner's /root/lab/execsnoop.bt around a freshly named program and passes when one output
# line carries that program's full path and a PID. The random name proves the filename comes from the
# probe's arguments rather than from a fixed string.
script=/root/lab/execsnoop.bt
if [ ! -s "$script" ]; then
  echo "FAIL: $script is missing or empty. Write your bpftrace program into it."
  exit 1
fi
marker=$(mktemp /tmp/praxis-exec-XXXXXX)
trap 'rm -f "$marker"' EXIT
cp /bin/true "$marker"
# -c starts the command only once the probes are attached, and stops bpftrace when it exits.
out=$(timeout 20 bpftrace "$script" -c "/bin/sh -c $marker" 2>&1)
status=$?
# bpftrace 0.17 always warns "ERROR: ... couldn't set RLIMIT_MEMLOCK"; that one is harmless.
errors=$(grep 'ERROR' <<<"$out" | grep -v RLIMIT_MEMLOCK)
if [ -n "$errors" ]; then
  echo "FAIL: bpftrace rejected $script: $(head -n 1 <<<"$errors")"
  exit 1
fi
if ! grep -E '(^|[^0-9])[0-9]+([^0-9]|$)' <<<"$out" | grep -qF -- "$marker"; then
  echo "FAIL: the check ran $marker under your script (exit $status), but no output line showed that path with a PID. Print pid, comm and str(args->filename) for each execve."
  exit 1
fi
echo "execsnoop.bt saw: $(grep -m1 -F -- "$marker" <<<"$out")"
