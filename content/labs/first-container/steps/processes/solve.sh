#!/usr/bin/env bash
set -euo pipefail
cat /proc/1/comm > /root/pid1.txt
pgrep -f '^lab-worker' | head -n 1 > /root/worker-pid.txt
