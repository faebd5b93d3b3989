#!/usr/bin/env bash
# Passes when tracefs is mounted where bpftrace looks for tracepoint definitions.
for dir in /sys/kernel/tracing /sys/kernel/debug/tracing; do
  if [ -r "$dir/events/syscalls/sys_enter_execve/format" ]; then
    echo "tracefs is mounted on $dir."
    exit 0
  fi
done
echo "FAIL: tracefs is not mounted, so bpftrace answers 'tracepoint not found'. Mount it on /sys/kernel/tracing with mount -t tracefs."
exit 1
