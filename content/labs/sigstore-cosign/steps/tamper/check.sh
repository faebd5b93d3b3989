#!/bin/bash
# app:v1 must point at the digest the learner signed in step 2 again (not at the attacker's image, and
# not at a freshly signed copy of it), and that digest must verify with cosign.pub.
cd /root/lab || exit 1
state=/var/lib/praxis-lab
good=$(cat $state/signed.digest 2>/dev/null); evil=$(cat $state/tampered.digest 2>/dev/null)
[[ -n $good && -n $evil ]] || { echo "FAIL: this step's setup did not run (no $state/signed.digest)."; exit 1; }
now=$(crane digest localhost:5000/app:v1 2>/dev/null) \
  || { echo "FAIL: localhost:5000/app:v1 does not exist any more: tag the signed digest as v1 again."; exit 1; }
if cosign verify --key cosign.pub --insecure-ignore-tlog localhost:5000/app@"$evil" >/dev/null 2>&1; then
  echo "FAIL: the tampered image $evil now carries a valid signature from your key. Never sign an image you did not build: delete its tag sha256-${evil#sha256:}.sig with crane delete and restore v1 instead."
  exit 1
fi
if [[ $now == "$evil" ]]; then
  echo "FAIL: app:v1 still points at $evil, the image pushed behind your back. Your signature is on $good: point v1 back at it with crane tag."
  exit 1
fi
[[ $now == "$good" ]] || { echo "FAIL: app:v1 points at $now, but the image you signed in step 2 is $good. Tag that digest as v1."; exit 1; }
cosign verify --key cosign.pub --insecure-ignore-tlog localhost:5000/app:v1 >/dev/null 2>&1 \
  || { echo "FAIL: app:v1 points at $good again but its signature does not verify with cosign.pub any more. Sign it again as in step 2."; exit 1; }
