#!/bin/bash
# The learner saved the metric lines, and the API server's live /metrics agrees: someone requested
# lab.praxis/v1alpha1 widgets since the server started.
series() { grep '^apiserver_requested_deprecated_apis{' | grep 'group="lab.praxis"' | grep 'version="v1alpha1"' | grep 'resource="widgets"'; }
live=$(kubectl get --raw /metrics 2>/dev/null | series)
[[ -n $live ]] || { echo "FAIL: the API server's metrics show no request to lab.praxis/v1alpha1 widgets yet. Apply widgets/legacy.yaml (it uses v1alpha1)."; exit 1; }
f=/root/metric.txt
[[ -s $f ]] || { echo "FAIL: /root/metric.txt is missing or empty. Save the metric: kubectl get --raw /metrics | grep apiserver_requested_deprecated_apis > /root/metric.txt"; exit 1; }
series < "$f" | grep -q ' 1$' || { echo "FAIL: /root/metric.txt has no apiserver_requested_deprecated_apis line for group lab.praxis, version v1alpha1, resource widgets with the value 1. Save the lines after applying widgets/legacy.yaml."; exit 1; }
