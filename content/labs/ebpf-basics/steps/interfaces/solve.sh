#!/usr/bin/env bash
# Mounts bpffs and tracefs; each only if it is not there yet, so running it twice is harmless.
set -euo pipefail
mountpoint -q /sys/fs/bpf || mount -t bpf bpf /sys/fs/bpf
mountpoint -q /sys/kernel/tracing || mount -t tracefs tracefs /sys/kernel/tracing
