#!/bin/sh
# cgroup v2: enable every controller down to /kubelet and /kubelet.slice so the kubelet can use them.
# Only possible once systemd moved all processes out of the root cgroup.
set -eu
root=/sys/fs/cgroup
if [ -s "$root/cgroup.procs" ]; then
  echo "create-kubelet-cgroup-v2: processes still in the root cgroup" >&2
  exit 1
fi
enable() { for c in $(cat "$1/cgroup.controllers"); do echo "+$c" >"$1/cgroup.subtree_control" || true; done; }
enable "$root"
for d in kubelet kubelet.slice; do
  mkdir -p "$root/$d"
  enable "$root/$d"
done
