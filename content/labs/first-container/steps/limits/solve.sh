#!/usr/bin/env bash
set -euo pipefail
if [ -r /sys/fs/cgroup/memory.max ]; then
  cat /sys/fs/cgroup/memory.max > /root/memory-limit.txt
else
  cat /sys/fs/cgroup/memory/memory.limit_in_bytes > /root/memory-limit.txt
fi
