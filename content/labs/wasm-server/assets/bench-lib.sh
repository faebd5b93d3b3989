# Shared by the wasm-server lab's cold-start checks (they source /opt/wasm-lab/bench-lib.sh). It reads
# /root/lab/bench.json, hyperfine's --export-json output, into MEAN[<name>] (seconds) for the four
# names the step asks for. A result counts under a name when hyperfine stored that name (-n), so the
# learner's own command lines may differ.
bench=/root/lab/bench.json
[[ -s $bench ]] || { echo "FAIL: /root/lab/bench.json is missing: run hyperfine with --export-json /root/lab/bench.json."; exit 1; }
jq -e '.results | length > 0' "$bench" >/dev/null 2>&1 || { echo "FAIL: bench.json has no results array: is it hyperfine's --export-json output?"; exit 1; }
declare -A MEAN
for name in native container wasm wasm-cached; do
  m=$(jq -r --arg n "$name" '[.results[] | select(.command == $n) | .mean][0] // empty' "$bench")
  [[ -n $m ]] || { echo "FAIL: bench.json has no result named \"$name\" (it has: $(jq -r '[.results[].command] | join(", ")' "$bench")). Name each command with -n $name."; exit 1; }
  MEAN[$name]=$m
done
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
