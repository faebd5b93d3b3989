#!/usr/bin/env bash
# Sends five pings from lab-peer to veth-b and passes when the pkt_count map of the pinned XDP
# program grew by at least that much. This proves the program is attached AND counting.
pin=/sys/fs/bpf/lab/xdp_count
map_id=""
for id in $(bpftool -j prog show pinned "$pin" 2>/dev/null | jq -r '.map_ids[]?'); do
  [ "$(bpftool -j map show id "$id" 2>/dev/null | jq -r .name)" = pkt_count ] && map_id=$id
done
if [ -z "$map_id" ]; then
  echo "FAIL: no XDP program with a pkt_count map is pinned at $pin, so there is no counter to read."
  exit 1
fi
read_counter() {
  bpftool -j map lookup id "$map_id" key 0 0 0 0 2>/dev/null | jq 'if .formatted then .formatted.value else
    (.value | reverse | map(ltrimstr("0x") | ascii_downcase | explode
      | reduce .[] as $c (0; . * 16 + (if $c >= 97 then $c - 87 else $c - 48 end)))
      | reduce .[] as $b (0; . * 256 + $b)) end'
}
before=$(read_counter)
ip netns exec lab-peer ping -c 5 -i 0.2 -W 1 10.250.0.2 >/dev/null 2>&1
after=$(read_counter)
if [ -z "$before" ] || [ -z "$after" ]; then
  echo "FAIL: could not read key 0 of map $map_id (pkt_count)."
  exit 1
fi
if [ $((after - before)) -lt 5 ]; then
  echo "FAIL: five pings to 10.250.0.2 moved pkt_count only from $before to $after. Is the program attached to veth-b, the interface those packets arrive on?"
  exit 1
fi
echo "Five pings moved pkt_count from $before to $after."
