#!/bin/bash
# The files themselves must be clean (apiscan) and acceptable to the API server (server-side dry run,
# which changes nothing), and PodSecurityPolicy must be gone.
cd /root/manifests 2>/dev/null || { echo "FAIL: /root/manifests is missing"; exit 1; }
if [[ -e 07-psp.yaml ]] || grep -rlqs 'kind: *PodSecurityPolicy' .; then
  echo "FAIL: a PodSecurityPolicy is still in /root/manifests. It was removed in 1.25 with no successor API: delete it and label the namespace for Pod Security Admission instead."
  exit 1
fi
report=$(apiscan --target v1.34 . 2>&1)
if [[ $? -ne 0 ]]; then
  echo "FAIL: apiscan still finds old APIs in /root/manifests:"
  awk '/^[^ ]+:[0-9]+  / { obj = $0 } /^    / { line = $0; sub(/^ +/, "", line); print "FAIL:   " obj ": " line } /^apiscan:/ { print "FAIL:   " $0 }' <<<"$report"
  exit 1
fi
out=$(kubectl apply --dry-run=server -f . -o name 2>&1) || {
  echo "FAIL: the API server rejects /root/manifests (kubectl apply --dry-run=server -f /root/manifests):"
  grep -v '^Warning:' <<<"$out" | tail -3 | sed 's/^/FAIL:   /'
  exit 1
}
