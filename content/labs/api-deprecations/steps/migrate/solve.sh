#!/bin/bash
# Migrate every manifest in /root/manifests to an API that Kubernetes 1.34 serves, then apply them all.
set -euo pipefail
cd /root/manifests

# kubectl-convert rewrites one file to a new API version (offline: --local is its default).
convert() { kubectl convert -f "$1" --output-version "$2" > "$1.new" && mv "$1.new" "$1"; }
convert 01-deployment.yaml apps/v1
convert 03-ingress.yaml networking.k8s.io/v1
convert 04-cronjob.yaml batch/v1
convert 05-pdb.yaml policy/v1
convert 06-hpa.yaml autoscaling/v2
convert 08-flowschema.yaml flowcontrol.apiserver.k8s.io/v1

# The conversion kept extensions/v1beta1's old defaults (no progress deadline, unlimited history):
# drop them so apps/v1's defaults apply.
sed -i '/progressDeadlineSeconds: 2147483647/d; /revisionHistoryLimit: 2147483647/d' 01-deployment.yaml
# A reference to another object is not converted: the HPA must point at the apps/v1 Deployment.
sed -i 's#apiVersion: extensions/v1beta1#apiVersion: apps/v1#' 06-hpa.yaml

# PodSecurityPolicy has no successor API: Pod Security Admission reads labels on the namespace.
rm 07-psp.yaml
cat > 00-namespace.yaml <<'YAML'
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
YAML

apiscan .
kubectl apply -f .
kubectl -n shop rollout status deployment/web --timeout=120s
