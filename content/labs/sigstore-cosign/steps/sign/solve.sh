#!/bin/bash
set -euo pipefail
cd /root/lab
export COSIGN_PASSWORD=labpass
DIGEST=$(crane digest localhost:5000/app:v1)
cosign sign --key cosign.key --tlog-upload=false -y "localhost:5000/app@$DIGEST"
cosign verify --key cosign.pub --insecure-ignore-tlog localhost:5000/app:v1 >/dev/null
