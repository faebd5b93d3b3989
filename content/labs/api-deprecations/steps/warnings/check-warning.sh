#!/bin/bash
# kubectl prints the API server's Warning header on stderr; the learner kept it in /root/warning.txt.
f=/root/warning.txt
[[ -s $f ]] || { echo "FAIL: /root/warning.txt is missing or empty. Keep kubectl's standard error too: kubectl apply -f widgets/legacy.yaml 2>&1 | tee /root/warning.txt"; exit 1; }
grep -q '^Warning: lab.praxis/v1alpha1 Widget is deprecated' "$f" || {
  echo "FAIL: /root/warning.txt has no 'Warning: lab.praxis/v1alpha1 Widget is deprecated…' line. The warning is printed only when the request uses v1alpha1 (widgets/legacy.yaml does), and it goes to standard error: redirect with 2>&1."
  exit 1
}
