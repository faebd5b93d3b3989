#!/bin/bash
# Behaviour, not just configuration: the root must refuse writes, /tmp must take them.
out=$(kubectl exec rofs -- sh -c 'echo x > /etc/praxis-probe' 2>&1) && { echo "FAIL: writing /etc/praxis-probe in pod rofs worked; the root filesystem is still writable"; exit 1; }
grep -q "Read-only file system" <<<"$out" || { echo "FAIL: writing to /etc failed, but not because the filesystem is read-only: $out"; exit 1; }
kubectl exec rofs -- sh -c 'echo x > /tmp/praxis-probe' 2>/dev/null || { echo "FAIL: writing /tmp/praxis-probe in pod rofs failed; mount an emptyDir at /tmp"; exit 1; }
