#!/bin/bash
set -euo pipefail
buildx imagetools inspect localhost:5000/hello:2
buildx imagetools inspect --format '{{json .Manifest}}' localhost:5000/hello:2 \
  | jq -r '.manifests[] | select(.platform.os=="linux" and .platform.architecture=="arm64") | .digest' >/root/lab/arm64.digest
buildx imagetools create -t localhost:5000/hello:stable localhost:5000/hello:2
