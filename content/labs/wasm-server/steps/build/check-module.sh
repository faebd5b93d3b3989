#!/bin/bash
# hello.wasm must be a Wasm binary (magic \0asm, version 1) that imports WASI preview 1, and running it
# with wazero must print the greeting of the lab's program compiled for wasip1/wasm.
f=/root/lab/hello.wasm
[[ -f $f ]] || { echo "FAIL: /root/lab/hello.wasm does not exist yet. Build it in /root/lab/hello with go build -o /root/lab/hello.wasm ."; exit 1; }
magic=$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')
if [[ $magic != 0061736d01000000 ]]; then
  if [[ ${magic:0:8} == 7f454c46 ]]; then
    echo "FAIL: hello.wasm is a Linux (ELF) program, not WebAssembly: go build targets this machine unless GOOS and GOARCH say otherwise."
  else
    echo "FAIL: hello.wasm does not start with the WebAssembly magic bytes 00 61 73 6d (\"\\0asm\")."
  fi
  exit 1
fi
imports=$(wasm-objdump -x -j Import "$f" 2>/dev/null)
if ! grep -q '<- wasi_snapshot_preview1\.' <<<"$imports"; then
  if grep -q '<- gojs\.' <<<"$imports"; then
    echo "FAIL: hello.wasm imports gojs, the browser's JavaScript host: that is GOOS=js. Build with GOOS=wasip1 for WASI."
  else
    echo "FAIL: hello.wasm imports nothing from wasi_snapshot_preview1; build it with GOOS=wasip1 GOARCH=wasm."
  fi
  exit 1
fi
out=$(timeout 20 wazero run "$f" 2>&1)
[[ $out == "hello from wasip1/wasm" ]] \
  || { echo "FAIL: wazero run /root/lab/hello.wasm printed \"${out:0:120}\", expected \"hello from wasip1/wasm\". Build it from /root/lab/hello."; exit 1; }
