#!/bin/bash
set -euo pipefail
cd /root/lab
export COSIGN_PASSWORD=labpass
DIGEST=$(crane digest localhost:5000/app:v1)
cosign attest --key cosign.key --type spdxjson --predicate sbom.spdx.json --tlog-upload=false -y "localhost:5000/app@$DIGEST"
cosign verify-attestation --key cosign.pub --type spdxjson --insecure-ignore-tlog localhost:5000/app:v1 >/dev/null
