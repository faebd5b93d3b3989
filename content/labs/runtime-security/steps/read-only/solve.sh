#!/bin/bash
set -e
cat > /root/rofs.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: rofs
spec:
  containers:
    - name: app
      image: praxis/hello-web:latest
      imagePullPolicy: IfNotPresent
      command: ["sleep", "3600"]
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      emptyDir: {}
YAML
kubectl apply -f /root/rofs.yaml
kubectl wait --for=condition=Ready pod/rofs --timeout=90s
