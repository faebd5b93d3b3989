#!/bin/bash
set -euo pipefail
cd /root/lab
export COSIGN_PASSWORD=labpass
rm -f cosign.key cosign.pub
cosign generate-key-pair
tar -C /root/lab -czf app.tar.gz app
crane append -f app.tar.gz -t localhost:5000/app:v1
