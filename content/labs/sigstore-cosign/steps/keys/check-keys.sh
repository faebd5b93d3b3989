#!/bin/bash
# cosign.key must be cosign's encrypted format and cosign.pub must be the public key derived from it
# with the lab's password (labpass), so later signatures verify with cosign.pub.
cd /root/lab || exit 1
[[ -f cosign.key ]] || { echo "FAIL: /root/lab/cosign.key does not exist. Run cosign generate-key-pair in /root/lab."; exit 1; }
grep -q 'BEGIN ENCRYPTED SIGSTORE PRIVATE KEY' cosign.key \
  || { echo "FAIL: cosign.key is not an encrypted cosign key (expected a BEGIN ENCRYPTED SIGSTORE PRIVATE KEY block)."; exit 1; }
[[ -f cosign.pub ]] || { echo "FAIL: /root/lab/cosign.pub is missing: generate-key-pair writes both halves."; exit 1; }
derived=$(COSIGN_PASSWORD=labpass cosign public-key --key cosign.key 2>/dev/null) \
  || { echo "FAIL: cosign.key does not open with the password labpass. Generate it again with COSIGN_PASSWORD=labpass."; exit 1; }
[[ "$derived" == "$(cat cosign.pub)" ]] \
  || { echo "FAIL: cosign.pub is not the public half of cosign.key. Regenerate both together with cosign generate-key-pair."; exit 1; }
