#!/bin/bash
set -e
cat > /root/userns.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: userns
spec:
  hostUsers: false
  containers:
    - name: app
      image: praxis/hello-web:latest
      imagePullPolicy: IfNotPresent
      command: ["sleep", "3600"]
      securityContext:
        runAsUser: 0
YAML
kubectl apply -f /root/userns.yaml
kubectl wait --for=condition=Ready pod/userns --timeout=90s
