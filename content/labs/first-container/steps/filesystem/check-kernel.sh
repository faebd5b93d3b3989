#!/usr/bin/env bash
# Passes when /root/kernel.txt holds the release of the running (shared) kernel.
answer_file=/root/kernel.txt
if [ ! -s "$answer_file" ]; then
  echo "FAIL: /root/kernel.txt is missing or empty. Write the kernel release into it."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
expected=$(uname -r)
if [ "$answer" != "$expected" ]; then
  echo "FAIL: /root/kernel.txt says \"$answer\", but the kernel release is different. Which command prints it?"
  exit 1
fi
echo "Kernel $expected, shared with the host."
