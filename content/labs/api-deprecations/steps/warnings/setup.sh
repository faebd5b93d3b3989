#!/bin/bash
# Install the Widget CRD (v1 stored, v1alpha1 served but deprecated) and wait until it serves requests.
set -e
kubectl apply -f /root/widgets/crd.yaml
kubectl wait --for=condition=Established crd/widgets.lab.praxis --timeout=60s
