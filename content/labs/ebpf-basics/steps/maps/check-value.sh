#!/usr/bin/env bash
# Passes when key 1 of the pinned map holds the 64-bit value 42. bpftool prints raw bytes for maps
# without BTF, least significant first on x86, so the bytes are folded back into a number here.
pin=/sys/fs/bpf/lab/config
if ! bpftool map show pinned "$pin" >/dev/null 2>&1; then
  echo "FAIL: no map is pinned at $pin yet, so there is no key 1 to read."
  exit 1
fi
if ! entry=$(bpftool -j map lookup pinned "$pin" key 1 0 0 0 2>/dev/null); then
  echo "FAIL: key 1 is not in the map. Keys are 4 raw bytes, least significant first: key 1 0 0 0."
  exit 1
fi
value=$(jq 'if .formatted then .formatted.value else
  (.value | reverse | map(ltrimstr("0x") | ascii_downcase | explode
    | reduce .[] as $c (0; . * 16 + (if $c >= 97 then $c - 87 else $c - 48 end)))
    | reduce .[] as $b (0; . * 256 + $b)) end' <<<"$entry")
if [ "$value" != 42 ]; then
  echo "FAIL: key 1 holds $value, not 42. Values are 8 raw bytes, least significant first: value 42 0 0 0 0 0 0 0."
  exit 1
fi
echo "Key 1 holds 42."
