#!/usr/bin/env bash
# Compiles the XDP program, loads and pins it (with its maps), attaches it to veth-b in generic
# mode and shows the counter moving.
set -euo pipefail
cd /root/lab
clang -O2 -g -target bpf -I/usr/include/$(uname -m)-linux-gnu -c xdp_count.bpf.c -o xdp_count.bpf.o
mkdir -p /sys/fs/bpf/lab
if ! bpftool prog show pinned /sys/fs/bpf/lab/xdp_count >/dev/null 2>&1; then
  bpftool prog load xdp_count.bpf.o /sys/fs/bpf/lab/xdp_count pinmaps /sys/fs/bpf/lab/maps
fi
bpftool net attach xdpgeneric pinned /sys/fs/bpf/lab/xdp_count dev veth-b overwrite
ip netns exec lab-peer ping -c 3 -i 0.2 10.250.0.2 >/dev/null
bpftool map dump pinned /sys/fs/bpf/lab/maps/pkt_count
