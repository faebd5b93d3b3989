#!/bin/bash
set -euo pipefail
cd /root/lab
# The signature tag is named after the digest it signs: that is the digest to restore.
sig=$(crane ls localhost:5000/app | grep -E '^sha256-[0-9a-f]{64}\.sig$' | head -1)
good="sha256:${sig#sha256-}"; good=${good%.sig}
cosign verify --key cosign.pub --insecure-ignore-tlog "localhost:5000/app@$good" >/dev/null
crane tag "localhost:5000/app@$good" v1
cosign verify --key cosign.pub --insecure-ignore-tlog localhost:5000/app:v1 >/dev/null
