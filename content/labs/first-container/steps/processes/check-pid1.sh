#!/usr/bin/env bash
# Passes when /root/pid1.txt names the program running as PID 1 (with or without its path).
answer_file=/root/pid1.txt
if [ ! -s "$answer_file" ]; then
  echo "FAIL: /root/pid1.txt is missing or empty. Write the name of the process with PID 1 into it."
  exit 1
fi
expected=$(cat /proc/1/comm)
answer=$(tr -d '[:space:]' < "$answer_file")
answer=${answer##*/}
if [ "$answer" != "$expected" ] && [ "${answer:0:15}" != "$expected" ]; then
  echo "FAIL: /root/pid1.txt says \"$answer\", but that is not PID 1. Look at the line with PID 1 in \`ps -ef\`."
  exit 1
fi
echo "PID 1 is $expected."
