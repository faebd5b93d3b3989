#!/bin/bash
set -e
kubectl create namespace secure --dry-run=client -o yaml | kubectl apply -f -
kubectl label namespace secure pod-security.kubernetes.io/enforce=restricted --overwrite
cat > /root/app.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: secure
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: praxis/hello-web:latest
      imagePullPolicy: IfNotPresent
      command: ["sleep", "3600"]
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: { drop: ["ALL"] }
YAML
kubectl apply -f /root/app.yaml
kubectl -n secure wait --for=condition=Ready pod/app --timeout=90s
