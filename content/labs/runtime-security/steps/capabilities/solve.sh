#!/bin/bash
set -e
cat > /root/caps.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: caps
spec:
  containers:
    - name: app
      image: praxis/hello-web:latest
      imagePullPolicy: IfNotPresent
      command: ["sleep", "3600"]
      securityContext:
        runAsUser: 0
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]
YAML
kubectl apply -f /root/caps.yaml
kubectl wait --for=condition=Ready pod/caps --timeout=90s
