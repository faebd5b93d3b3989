#!/usr/bin/env bash
# Passes when an XDP program that uses a pkt_count map is pinned at /sys/fs/bpf/lab/xdp_count.
pin=/sys/fs/bpf/lab/xdp_count
if ! prog=$(bpftool -j prog show pinned "$pin" 2>/dev/null); then
  echo "FAIL: no program is pinned at $pin. Compile xdp_count.bpf.c and load it with bpftool prog load, giving that path."
  exit 1
fi
type=$(jq -r .type <<<"$prog")
if [ "$type" != xdp ]; then
  echo "FAIL: the program at $pin is of type $type, not xdp. The SEC(\"xdp\") in the source sets the type; load xdp_count.bpf.o."
  exit 1
fi
found=""
for map_id in $(jq -r '.map_ids[]?' <<<"$prog"); do
  [ "$(bpftool -j map show id "$map_id" 2>/dev/null | jq -r .name)" = pkt_count ] && found=$map_id
done
if [ -z "$found" ]; then
  echo "FAIL: the XDP program at $pin does not use a map named pkt_count. Load the program built from /root/lab/xdp_count.bpf.c."
  exit 1
fi
echo "Program $(jq .id <<<"$prog") ($(jq -r .name <<<"$prog")) is pinned and uses map $found (pkt_count)."
