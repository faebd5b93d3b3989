#!/usr/bin/env bash
# Passes when the program pinned at /sys/fs/bpf/lab/xdp_count is the XDP program of veth-b,
# in any mode (generic, driver or offload).
pin=/sys/fs/bpf/lab/xdp_count
id=$(bpftool -j prog show pinned "$pin" 2>/dev/null | jq -r .id)
if [ -z "$id" ]; then
  echo "FAIL: nothing is pinned at $pin yet, so nothing can be attached. Load and pin the program first."
  exit 1
fi
attached=$(bpftool -j net show dev veth-b 2>/dev/null | jq -r '[.[0].xdp[]?.id] | join(",")')
if [ -z "$attached" ]; then
  echo "FAIL: veth-b has no XDP program attached. Attach the pinned one with bpftool net attach xdpgeneric ... dev veth-b."
  exit 1
fi
if [ "$attached" != "$id" ]; then
  echo "FAIL: veth-b runs XDP program $attached, but the one pinned at $pin is $id. Attach the pinned program (add overwrite to replace)."
  exit 1
fi
echo "Program $id is attached to veth-b: $(bpftool net show dev veth-b | grep -m1 veth-b)"
