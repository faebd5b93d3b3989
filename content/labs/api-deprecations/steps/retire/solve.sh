#!/bin/bash
# Move the client to v1, then stop serving v1alpha1 (v1 has been the storage version all along).
set -euo pipefail
cd /root/widgets
sed -i 's#^apiVersion: lab.praxis/v1alpha1#apiVersion: lab.praxis/v1#' legacy.yaml
kubectl apply --warnings-as-errors -f legacy.yaml
kubectl get crd widgets.lab.praxis -o jsonpath='{.status.storedVersions}{"\n"}'
# served: false on the v1alpha1 entry only (the first `served:` after its name).
awk '/- name: v1alpha1/ { old = 1 } old && /served: true/ { sub(/true/, "false"); old = 0 } { print }' crd.yaml > crd.new
mv crd.new crd.yaml
kubectl apply -f crd.yaml
