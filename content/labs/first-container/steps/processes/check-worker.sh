#!/usr/bin/env bash
# Passes when /root/worker-pid.txt holds the PID of the lab-worker process started by setup.sh.
answer_file=/root/worker-pid.txt
if [ ! -s "$answer_file" ]; then
  echo "FAIL: /root/worker-pid.txt is missing or empty. Write the PID of lab-worker into it."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
if ! [[ "$answer" =~ ^[0-9]+$ ]]; then
  echo "FAIL: /root/worker-pid.txt should contain just a number (a PID), not \"$answer\"."
  exit 1
fi
if ! tr '\0' ' ' < "/proc/$answer/cmdline" 2>/dev/null | grep -q '^lab-worker'; then
  echo "FAIL: PID $answer is not lab-worker. Find the line mentioning lab-worker in \`ps -ef\` and use its PID column."
  exit 1
fi
echo "lab-worker runs as PID $answer."
