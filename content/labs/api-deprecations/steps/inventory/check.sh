#!/bin/bash
# The saved report must be apiscan's report for v1.34 and name all seven objects that use removed APIs.
f=/root/inventory.txt
[[ -s $f ]] || { echo "FAIL: /root/inventory.txt is missing or empty. Save the report: apiscan --target v1.34 manifests/ > /root/inventory.txt"; exit 1; }
grep -q 'Target: Kubernetes v1.34' "$f" || { echo "FAIL: /root/inventory.txt was not made for v1.34 (its first line says: $(head -1 "$f")). Run apiscan with --target v1.34."; exit 1; }
# apiscan prints two lines per object ("file:line  Kind name", then "    apiVersion  STATUS  ->  use");
# join them so that each kind is matched with its own API version.
report=$(awk '/^[^ ]+:[0-9]+  / { obj = $0 } /^    / { print obj " " $0 }' "$f")
missing=()
while read -r kind api; do
  grep -F "  $kind " <<<"$report" | grep -qF "    $api " || missing+=("$kind $api")
done <<'PAIRS'
Deployment extensions/v1beta1
Ingress networking.k8s.io/v1beta1
CronJob batch/v1beta1
PodDisruptionBudget policy/v1beta1
HorizontalPodAutoscaler autoscaling/v2beta2
PodSecurityPolicy policy/v1beta1
FlowSchema flowcontrol.apiserver.k8s.io/v1beta3
PAIRS
if (( ${#missing[@]} )); then
  echo "FAIL: /root/inventory.txt does not list: ${missing[*]}. Scan the whole folder (apiscan --target v1.34 /root/manifests/) and keep the manifests unchanged until the next step."
  exit 1
fi
