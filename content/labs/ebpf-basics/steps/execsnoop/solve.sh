#!/usr/bin/env bash
# Writes a one-probe execsnoop: PID, process name and the file being executed.
set -euo pipefail
cat > /root/lab/execsnoop.bt <<'BT'
tracepoint:syscalls:sys_enter_execve
{
  printf("%-7d %-16s %s\n", pid, comm, str(args->filename));
}
BT
