#!/bin/bash
# faster.txt names whichever of container and wasm-cached had the smaller mean in the learner's own
# bench.json: reading the measurement is the point, not guessing the usual answer.
source /opt/wasm-lab/bench-lib.sh || { echo "FAIL: /opt/wasm-lab/bench-lib.sh is missing; reset the lab."; exit 1; }
f=/root/lab/faster.txt
[[ -s $f ]] || { echo "FAIL: /root/lab/faster.txt is missing: write container or wasm-cached into it, whichever started faster in bench.json."; exit 1; }
got=$(tr -d ' \t\r\n' < "$f")
[[ $got == container || $got == wasm-cached ]] || { echo "FAIL: faster.txt says \"${got:0:40}\"; write exactly container or wasm-cached."; exit 1; }
if lt "${MEAN[wasm-cached]}" "${MEAN[container]}"; then want=wasm-cached; else want=container; fi
[[ $got == "$want" ]] \
  || { echo "FAIL: faster.txt says $got, but your bench.json measured container at $(ms "${MEAN[container]}") and wasm-cached at $(ms "${MEAN[wasm-cached]}")."; exit 1; }
