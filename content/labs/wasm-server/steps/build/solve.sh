#!/bin/bash
set -euo pipefail
cd /root/lab/hello
GOOS=wasip1 GOARCH=wasm go build -o /root/lab/hello.wasm .
wazero run /root/lab/hello.wasm
wasm-objdump -x -j Import /root/lab/hello.wasm | grep -c wasi_snapshot_preview1 > /root/lab/imports.txt
