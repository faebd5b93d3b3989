#!/usr/bin/env bash
# Starts three background "services": metrics-agent (the culprit, hundreds of openat calls a
# second), log-shipper (a few opens) and cache-warmer (CPU, no files). setsid detaches them from
# this exec; pgrep -x keeps the script idempotent.
set -euo pipefail
for svc in metrics-agent log-shipper cache-warmer; do
  if ! pgrep -x "$svc" >/dev/null; then
    setsid nice -n 10 "/usr/local/sbin/$svc" </dev/null >/dev/null 2>&1 &
  fi
done
rm -f /root/lab/culprit.txt
