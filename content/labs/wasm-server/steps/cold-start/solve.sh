#!/bin/bash
set -euo pipefail
cd /root/lab/hello
go build -o /root/lab/bundle/rootfs/hello .
cd /root/lab/bundle
rm -f config.json
runc spec
jq '.process.args = ["/hello"] | .process.terminal = false' config.json > config.tmp && mv config.tmp config.json
runc run --bundle /root/lab/bundle solve-check
cd /root/lab
hyperfine -N --warmup 1 --runs 5 --export-json /root/lab/bench.json \
  -n native '/root/lab/bundle/rootfs/hello' \
  -n container 'runc run --bundle /root/lab/bundle bench' \
  -n wasm 'wazero run /root/lab/hello.wasm' \
  -n wasm-cached 'wazero run -cachedir /root/.cache/wazero /root/lab/hello.wasm'
jq -r '.results[] | "\(.command) \(.mean)"' bench.json
jq -r '[.results[] | select(.command == "container" or .command == "wasm-cached")] | min_by(.mean) | .command' bench.json > faster.txt
cat faster.txt
