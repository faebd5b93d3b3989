#!/bin/bash
# Pull through the transfer service, as `ctr image pull` does by default, in a namespace of the
# check's own: platform/hello must be allowed, community/hello blocked by a verifier, with a reason.
ns=praxis-checks
ctr version >/dev/null 2>&1 || { echo "FAIL: containerd is not running. Start it with: lab-containerd start"; exit 1; }
ctr -n $ns images rm localhost:5000/platform/hello:1.0 localhost:5000/community/hello:1.0 >/dev/null 2>&1
if ! out=$(ctr -n $ns image pull localhost:5000/platform/hello:1.0 2>&1); then
  echo "FAIL: pulling localhost:5000/platform/hello:1.0 failed, but platform images must be allowed: $(tail -n 1 <<<"$out" | cut -c1-300)"
  exit 1
fi
if out=$(ctr -n $ns image pull localhost:5000/community/hello:1.0 2>&1); then
  ctr -n $ns images rm localhost:5000/community/hello:1.0 >/dev/null 2>&1
  echo "FAIL: localhost:5000/community/hello:1.0 was pulled: no verifier blocked it. Your verifier must exit non-zero for any image not under localhost:5000/platform/ (look at the -name argument)."
  exit 1
fi
if ! grep -q 'blocked pull' <<<"$out"; then
  echo "FAIL: the pull of community/hello failed, but not because a verifier blocked it: $(tail -n 1 <<<"$out" | cut -c1-300)"
  exit 1
fi
if [[ "$out" =~ \(exit\ code\ [0-9]+\):[[:space:]]*$ ]]; then
  echo "FAIL: the pull is blocked, but your verifier gives no reason. Print one line on standard output before exiting: containerd puts it in the error the user sees."
  exit 1
fi
