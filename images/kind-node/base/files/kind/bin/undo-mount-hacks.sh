#!/bin/sh
# The entrypoint hid the "misc" cgroup controller from systemd 252 by bind-mounting a filtered
# /proc/cgroups; once systemd is up, restore the real file for everything else.
set -eu
if [ ! -f /sys/fs/cgroup/cgroup.controllers ] && mountpoint -q /proc/cgroups 2>/dev/null; then
  umount /proc/cgroups
fi
