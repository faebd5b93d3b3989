#!/usr/bin/env bash
# Passes when /root/lab/map-id.txt holds the kernel's ID for the map pinned at /sys/fs/bpf/lab/config.
answer_file=/root/lab/map-id.txt
pin=/sys/fs/bpf/lab/config
if [ ! -s "$answer_file" ]; then
  echo "FAIL: $answer_file is missing or empty. Find your map's ID with bpftool map show and write it there."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
id=$(bpftool -j map show pinned "$pin" 2>/dev/null | jq -r .id)
if [ -z "$id" ]; then
  echo "FAIL: no map is pinned at $pin, so there is no ID to compare with."
  exit 1
fi
if [ "$answer" != "$id" ]; then
  echo "FAIL: map-id.txt says \"$answer\", but the map at $pin has ID $id. IDs are handed out by the kernel; recreating a map gives it a new one."
  exit 1
fi
echo "The map's ID is $id."
