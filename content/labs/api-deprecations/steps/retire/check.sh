#!/bin/bash
# The client manifest uses v1 and passes with warnings treated as errors, and discovery no longer
# offers lab.praxis/v1alpha1, and the Widget is still there, read through v1 (no data was lost).
f=/root/widgets/legacy.yaml
grep -qE '^apiVersion: *lab\.praxis/v1 *$' "$f" || { echo "FAIL: $f still says $(grep -m1 '^apiVersion' "$f"). Change it to apiVersion: lab.praxis/v1."; exit 1; }
out=$(kubectl apply --dry-run=server --warnings-as-errors -f "$f" 2>&1) || {
  echo "FAIL: kubectl apply --warnings-as-errors -f $f fails: $(tail -1 <<<"$out")"
  exit 1
}
if kubectl get --raw /apis/lab.praxis/v1alpha1 >/dev/null 2>&1; then
  echo "FAIL: the API server still serves lab.praxis/v1alpha1. Set served: false on that version in /root/widgets/crd.yaml and apply the CRD."
  exit 1
fi
color=$(kubectl -n shop get widgets.v1.lab.praxis legacy -o jsonpath='{.spec.color}' 2>/dev/null)
[[ $color == teal ]] || { echo "FAIL: Widget legacy in namespace shop is gone or changed (spec.color is '${color}'). Turning a version off must not lose objects: re-apply widgets/legacy.yaml."; exit 1; }
