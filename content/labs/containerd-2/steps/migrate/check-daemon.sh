#!/bin/bash
# The running containerd must have been started after the file was last changed, and must not have
# migrated it in memory (the warning every version 2 file causes at start).
pid=$(cat /run/containerd.pid 2>/dev/null)
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: containerd is not running (or was not started with lab-containerd). Start it with: lab-containerd start"
  exit 1
fi
ticks=$(getconf CLK_TCK)
boot=$(awk '/^btime/ {print $2}' /proc/stat)
started=$(( boot + $(awk '{print $22}' "/proc/$pid/stat") / ticks ))
changed=$(stat -c %Y /etc/containerd/config.toml)
if (( started + 1 < changed )); then
  echo "FAIL: /etc/containerd/config.toml changed after containerd started, so the daemon still runs the old file. Restart it: lab-containerd restart"
  exit 1
fi
if grep -q 'Configuration migrated from version' /var/log/containerd.log 2>/dev/null; then
  echo "FAIL: /var/log/containerd.log says \"Configuration migrated from version 2\": the running daemon still reads a version 2 file. Install the migrated file, then lab-containerd restart."
  exit 1
fi
ctr version >/dev/null 2>&1 || { echo "FAIL: containerd does not answer on /run/containerd/containerd.sock; see the end of /var/log/containerd.log."; exit 1; }
