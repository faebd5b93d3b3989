#!/usr/bin/env bash
# Passes when /root/memory-limit.txt matches the container's memory limit. Reads whichever cgroup
# interface the host provides (v2 memory.max or v1 memory.limit_in_bytes), so it works on both.
if [ -r /sys/fs/cgroup/memory.max ]; then
  limit=$(cat /sys/fs/cgroup/memory.max)
elif [ -r /sys/fs/cgroup/memory/memory.limit_in_bytes ]; then
  limit=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)
else
  echo "FAIL: this environment exposes no cgroup memory limit file; please report the lab as broken."
  exit 1
fi
answer_file=/root/memory-limit.txt
if [ ! -s "$answer_file" ]; then
  echo "FAIL: /root/memory-limit.txt is missing or empty. Write the memory limit in bytes into it."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
if [ "$answer" != "$limit" ]; then
  echo "FAIL: /root/memory-limit.txt says \"$answer\", but the kernel enforces a different limit. Copy the number from the memory limit file under /sys/fs/cgroup."
  exit 1
fi
echo "The memory limit is $limit bytes."
