#!/bin/bash
# /root/lab/arm64.digest must name the linux/arm64 image inside hello:2's manifest list: the digest a
# node with an arm64 CPU ends up pulling, not the digest of the list itself.
F=/root/lab/arm64.digest
fail() { echo "FAIL: $*"; exit 1; }
[ -s "$F" ] || fail "$F is missing or empty: write the digest (sha256:…) of the linux/arm64 image of hello:2 into it."
got=$(tr -d '[:space:]' <"$F")
index=$(crane manifest localhost:5000/hello:2 2>/dev/null) || fail "localhost:5000/hello:2 does not exist any more: push it again (step 3)."
want=$(jq -r '.manifests[] | select(.platform.os=="linux" and .platform.architecture=="arm64") | .digest' <<<"$index")
[ "$got" = "$want" ] && { echo "$F names the linux/arm64 image, $want"; exit 0; }
[ "$got" = "$(crane digest localhost:5000/hello:2)" ] && fail "$F holds the digest of the manifest list itself. You want one entry inside it: the one whose platform is linux/arm64."
jq -e --arg d "$got" '.manifests[] | select(.digest==$d and .platform.os=="unknown")' <<<"$index" >/dev/null \
  && fail "$F names an attestation manifest (platform unknown/unknown), not the arm64 image."
jq -e --arg d "$got" '.manifests[] | select(.digest==$d)' <<<"$index" >/dev/null \
  && fail "$F names an image of hello:2, but not the linux/arm64 one."
fail "$F holds '$got', which is not in hello:2's manifest list. Did you rebuild hello:2 since? Inspect it again."
