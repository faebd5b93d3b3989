#!/bin/bash
# Use the deprecated version once, keeping kubectl's warning and the API server's metric.
set -o pipefail
cd /root
kubectl apply -f widgets/legacy.yaml 2>&1 | tee /root/warning.txt
kubectl get --raw /metrics | grep apiserver_requested_deprecated_apis | tee /root/metric.txt
