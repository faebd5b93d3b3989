#!/bin/bash
set -euo pipefail
mkdir -p /root/lab/k8s
cd /root/lab/k8s
cat > containerd.toml <<'TOML'
# Appended to /etc/containerd/config.toml (version = 3) on every node that has the shim installed.
[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.wasmtime]
  runtime_type = "io.containerd.wasmtime.v1"
TOML
cat > runtimeclass.yaml <<'YAML'
apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: wasmtime
handler: wasmtime
YAML
cat > pod.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: hello-wasm
spec:
  runtimeClassName: wasmtime
  restartPolicy: Never
  containers:
    - name: hello
      image: localhost:5000/hello-wasm:1
      args: ["greet"]
      env:
        - name: GREETING
          value: hi
YAML
