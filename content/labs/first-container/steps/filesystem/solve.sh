#!/usr/bin/env bash
set -euo pipefail
printf '%s\n' "$LAB_CODEWORD" > /root/codeword.txt
uname -r > /root/kernel.txt
