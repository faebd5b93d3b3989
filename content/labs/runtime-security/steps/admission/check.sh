#!/bin/bash
# Enforcement is proven by a refusal: a server-side dry run of a root pod must be rejected by PodSecurity.
out=$(kubectl -n secure run praxis-root-probe --image=praxis/hello-web:latest --image-pull-policy=IfNotPresent \
  --overrides='{"spec":{"containers":[{"name":"praxis-root-probe","image":"praxis/hello-web:latest","securityContext":{"runAsUser":0}}]}}' \
  --dry-run=server -o name 2>&1) && { echo "FAIL: namespace secure accepted a pod running as root; label it pod-security.kubernetes.io/enforce=restricted"; exit 1; }
grep -q "violates PodSecurity" <<<"$out" || { echo "FAIL: the root pod was refused, but not by Pod Security: $out"; exit 1; }
