#!/bin/bash
# In a user namespace, uid 0 inside maps to a high, unprivileged uid on the node: uid_map is "0 <big> 65536".
map=$(kubectl exec userns -- cat /proc/self/uid_map 2>/dev/null) || { echo "FAIL: cannot exec into pod userns (is it running?)"; exit 1; }
read -r inside outside count <<<"$map"
[[ $inside == 0 && $outside != 0 && ${count:-0} -ge 65536 ]] || { echo "FAIL: pod userns has uid_map '$map'; with hostUsers: false, uid 0 maps to a non-zero uid on the node"; exit 1; }
