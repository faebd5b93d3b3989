#!/bin/bash
# The digest app:v1 points at must carry a cosign signature that cosign.pub verifies offline, stored
# in the classic sha256-<hex>.sig tag next to the image.
cd /root/lab || exit 1
[[ -f cosign.pub ]] || { echo "FAIL: /root/lab/cosign.pub is missing; do step 1 first."; exit 1; }
digest=$(crane digest localhost:5000/app:v1 2>/dev/null) \
  || { echo "FAIL: localhost:5000/app:v1 does not exist (is the registry up? run lab-registry)."; exit 1; }
sigtag="sha256-${digest#sha256:}.sig"
crane ls localhost:5000/app 2>/dev/null | grep -qxF "$sigtag" \
  || { echo "FAIL: there is no signature tag $sigtag in localhost:5000/app: sign localhost:5000/app@$digest with cosign sign."; exit 1; }
if ! err=$(cosign verify --key cosign.pub --insecure-ignore-tlog localhost:5000/app@"$digest" 2>&1 >/dev/null); then
  echo "FAIL: $sigtag exists but cosign.pub does not verify it ($(tail -1 <<<"$err")). Did you sign with the cosign.key from step 1?"
  exit 1
fi
