#!/usr/bin/env bash
# Passes when /root/lab/culprit.txt names the process that makes the most openat calls.
answer_file=/root/lab/culprit.txt
if [ ! -s "$answer_file" ]; then
  echo "FAIL: $answer_file is missing or empty. Write the name (comm) of the busiest openat caller into it."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
case "$answer" in
  metrics-agent) echo "Right: metrics-agent reopens /etc/hostname hundreds of times a second." ;;
  cache-warmer) echo "FAIL: cache-warmer tops the CPU list, but it never opens a file. Count openat calls per process instead of trusting top."; exit 1 ;;
  log-shipper) echo "FAIL: log-shipper opens a couple of files a second; something else opens far more. Let your script run a few seconds and compare the counts."; exit 1 ;;
  *) echo "FAIL: \"$answer\" is not the process with the most openat calls. Use the process name exactly as bpftrace's comm prints it."; exit 1 ;;
esac
