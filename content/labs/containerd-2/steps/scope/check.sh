#!/bin/bash
# community/hello must be in containerd's default namespace while the verifier still blocks it: the
# learner went around the verifier rather than removing it.
ctr version >/dev/null 2>&1 || { echo "FAIL: containerd is not running. Start it with: lab-containerd start"; exit 1; }
if ! ctr -n default images ls -q 2>/dev/null | grep -qx 'localhost:5000/community/hello:1.0'; then
  echo "FAIL: localhost:5000/community/hello:1.0 is not in containerd's default namespace (ctr images ls). Get it there with your verifier still in place: which kind of pull does not go through the transfer service?"
  exit 1
fi
ns=praxis-checks
ctr -n $ns images rm localhost:5000/community/hello:1.0 >/dev/null 2>&1
if out=$(ctr -n $ns image pull localhost:5000/community/hello:1.0 2>&1) || ! grep -q 'blocked pull' <<<"$out"; then
  ctr -n $ns images rm localhost:5000/community/hello:1.0 >/dev/null 2>&1
  echo "FAIL: community/hello is in the default namespace, but an ordinary pull of it is no longer blocked. Put your verifier back in /opt/containerd/image-verifier/bin: the point is to get around it, not to remove it."
  exit 1
fi
