#!/bin/bash
# Plausibility, not exact numbers: every mean is between 0 and 30 s, a container costs more than the
# bare process, and wazero's compilation cache pays off. Whether Wasm beats the container is not
# graded: that depends on the machine (faster.txt asks what yours says).
source /opt/wasm-lab/bench-lib.sh || { echo "FAIL: /opt/wasm-lab/bench-lib.sh is missing; reset the lab."; exit 1; }
for name in native container wasm wasm-cached; do
  lt 0 "${MEAN[$name]}" && lt "${MEAN[$name]}" 30 || { echo "FAIL: the mean of $name is ${MEAN[$name]} s, which is not a plausible start-up time; measure again."; exit 1; }
done
lt "${MEAN[native]}" "${MEAN[container]}" \
  || { echo "FAIL: native ($(ms "${MEAN[native]}")) is not faster than container ($(ms "${MEAN[container]}")). Does the container command really start runc, and native the bare binary?"; exit 1; }
# A working cache cuts the start several times over; noise between two identical commands does not halve it.
lt "$(awk -v m="${MEAN[wasm-cached]}" 'BEGIN { print m * 2 }')" "${MEAN[wasm]}" \
  || { echo "FAIL: wasm-cached ($(ms "${MEAN[wasm-cached]}")) is not clearly faster than wasm ($(ms "${MEAN[wasm]}")). Give the cached command -cachedir /root/.cache/wazero and a --warmup run to fill it."; exit 1; }
[[ -n $(ls -A /root/.cache/wazero 2>/dev/null) ]] \
  || { echo "FAIL: /root/.cache/wazero is empty: the wasm-cached command should use wazero run -cachedir /root/.cache/wazero."; exit 1; }
