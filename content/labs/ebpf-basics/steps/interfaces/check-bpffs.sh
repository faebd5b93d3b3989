#!/usr/bin/env bash
# Passes when a BPF filesystem (bpffs) is mounted on /sys/fs/bpf, where pinned objects live.
if ! awk '$2 == "/sys/fs/bpf" && $3 == "bpf" { found = 1 } END { exit !found }' /proc/mounts; then
  echo "FAIL: nothing of type bpf is mounted on /sys/fs/bpf. Pinned maps and programs live in that filesystem; mount it with mount -t bpf."
  exit 1
fi
echo "bpffs is mounted on /sys/fs/bpf."
