#!/usr/bin/env bash
# Runs the learner's /root/lab/opens.bt for a few seconds and reads the maps bpftrace prints when it
# is interrupted. Passes when metrics-agent has a count and out-counts the two decoys. (bpftrace sees
# the whole machine, so other hosts' processes may appear too; only our three are compared.)
script=/root/lab/opens.bt
if [ ! -s "$script" ]; then
  echo "FAIL: $script is missing or empty. Write a bpftrace program that counts openat calls per process name."
  exit 1
fi
# Ctrl-C after 4 seconds, as a learner would, and again every second until it stops: on a busy machine the
# first interrupt can arrive while bpftrace is still compiling and attaching, and be lost.
out_file=$(mktemp)
bpftrace "$script" >"$out_file" 2>&1 &
pid=$!
sleep 4
while kill -INT "$pid" 2>/dev/null; do sleep 1; done
wait "$pid"
out=$(cat "$out_file"); rm -f "$out_file"
# bpftrace 0.17 always warns "ERROR: ... couldn't set RLIMIT_MEMLOCK"; that one is harmless.
errors=$(grep 'ERROR' <<<"$out" | grep -v RLIMIT_MEMLOCK)
if [ -n "$errors" ]; then
  echo "FAIL: bpftrace rejected $script: $(head -n 1 <<<"$errors")"
  exit 1
fi
count_of() {
  sed -nE "s/^@[A-Za-z0-9_]*\\[$1\\]: ([0-9]+)\$/\\1/p" <<<"$out" | head -n 1
}
agent=$(count_of metrics-agent)
if [ -z "$agent" ]; then
  echo "FAIL: after 4 seconds your script printed no map entry like '@[metrics-agent]: N'. Key a map by comm and count: @opens[comm] = count();"
  exit 1
fi
shipper=$(count_of log-shipper); warmer=$(count_of cache-warmer)
if [ "$agent" -le "${shipper:-0}" ] || [ "$agent" -le "${warmer:-0}" ]; then
  echo "FAIL: your map counted metrics-agent=$agent, log-shipper=${shipper:-0}, cache-warmer=${warmer:-0}. Count only sys_enter_openat, not every syscall or CPU time."
  exit 1
fi
echo "opens.bt counted $agent openat calls from metrics-agent in 4 seconds."
