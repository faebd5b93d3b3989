#!/usr/bin/env bash
# Creates and pins the map (once), stores 42 at key 1 and records the map's ID.
set -euo pipefail
mkdir -p /sys/fs/bpf/lab
if ! bpftool map show pinned /sys/fs/bpf/lab/config >/dev/null 2>&1; then
  bpftool map create /sys/fs/bpf/lab/config type hash key 4 value 8 entries 64 name lab_config
fi
bpftool map update pinned /sys/fs/bpf/lab/config key 1 0 0 0 value 42 0 0 0 0 0 0 0
bpftool -j map show pinned /sys/fs/bpf/lab/config | jq .id > /root/lab/map-id.txt
