#!/usr/bin/env bash
# Passes when /root/codeword.txt holds the value of LAB_CODEWORD (set by the lab's environment).
answer_file=/root/codeword.txt
expected=${LAB_CODEWORD:-hello-namespaces}
if [ ! -s "$answer_file" ]; then
  echo "FAIL: /root/codeword.txt is missing or empty. Find the LAB_ variable with \`env\` and write its value into the file."
  exit 1
fi
answer=$(tr -d '[:space:]' < "$answer_file")
if [ "$answer" = "LAB_CODEWORD" ] || [ "$answer" = "LAB_CODEWORD=$expected" ]; then
  echo "FAIL: almost: write only the variable's value into /root/codeword.txt, not its name."
  exit 1
fi
if [ "$answer" != "$expected" ]; then
  echo "FAIL: /root/codeword.txt says \"$answer\"; that is not the value of the LAB_ variable."
  exit 1
fi
echo "Codeword found."
