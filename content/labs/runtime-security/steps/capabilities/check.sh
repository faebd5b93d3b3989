#!/bin/bash
# The effective set of PID 1 in pod caps must be exactly bit 10 (CAP_NET_BIND_SERVICE).
eff=$(kubectl exec caps -- grep CapEff /proc/1/status 2>/dev/null | awk '{print $2}')
[[ -n $eff ]] || { echo "FAIL: cannot read /proc/1/status in pod caps (is it running?)"; exit 1; }
[[ $eff == 0000000000000400 ]] || { echo "FAIL: pod caps has CapEff $eff; exactly NET_BIND_SERVICE is 0000000000000400 (a non-root user gets 0: set runAsUser: 0)"; exit 1; }
