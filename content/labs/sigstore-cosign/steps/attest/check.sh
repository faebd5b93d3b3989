#!/bin/bash
# The image app:v1 points at must carry an spdxjson attestation that cosign.pub verifies, whose statement
# has the SPDX predicate type, names that digest as its subject and lists at least one package.
cd /root/lab || exit 1
digest=$(crane digest localhost:5000/app:v1 2>/dev/null) \
  || { echo "FAIL: localhost:5000/app:v1 does not exist (is the registry up? run lab-registry)."; exit 1; }
crane ls localhost:5000/app 2>/dev/null | grep -qxF "sha256-${digest#sha256:}.att" \
  || { echo "FAIL: no attestation tag sha256-${digest#sha256:}.att in localhost:5000/app: attest localhost:5000/app@$digest with cosign attest."; exit 1; }
errfile=$(mktemp); trap 'rm -f "$errfile"' EXIT
if ! out=$(cosign verify-attestation --key cosign.pub --type spdxjson --insecure-ignore-tlog localhost:5000/app@"$digest" 2>"$errfile"); then
  echo "FAIL: an attestation exists but none is an spdxjson attestation signed by cosign.pub ($(tail -1 "$errfile")). Use --type spdxjson and your cosign.key."
  exit 1
fi
statement=$(head -1 <<<"$out" | jq -r .payload | base64 -d)
jq -e '.predicateType == "https://spdx.dev/Document"' >/dev/null <<<"$statement" \
  || { echo "FAIL: the attestation's predicate type is $(jq -r .predicateType <<<"$statement"), not https://spdx.dev/Document."; exit 1; }
jq -e --arg h "${digest#sha256:}" 'any(.subject[]; .digest.sha256 == $h)' >/dev/null <<<"$statement" \
  || { echo "FAIL: the attestation's subject is not $digest."; exit 1; }
jq -e '(.predicate.packages // []) | length > 0' >/dev/null <<<"$statement" \
  || { echo "FAIL: the attested SBOM lists no packages: attest /root/lab/sbom.spdx.json as it is."; exit 1; }
