#!/usr/bin/env bash
# Passes when /sys/fs/bpf/lab/config is a pinned hash map named lab_config with 4-byte keys,
# 8-byte values and 64 entries, as the kernel reports it.
pin=/sys/fs/bpf/lab/config
if ! info=$(bpftool -j map show pinned "$pin" 2>/dev/null); then
  echo "FAIL: no map is pinned at $pin. Create it with bpftool map create and give that path as the pin."
  exit 1
fi
want='type=hash name=lab_config key=4 value=8 entries=64'
got=$(jq -r '"type=\(.type) name=\(.name) key=\(.bytes_key) value=\(.bytes_value) entries=\(.max_entries)"' <<<"$info")
if [ "$got" != "$want" ]; then
  echo "FAIL: the map at $pin has $got; it should have $want. A map's shape is fixed at creation: rm the pin and create it again."
  exit 1
fi
echo "Map $(jq .id <<<"$info") at $pin: $got."
