#!/bin/bash
# imports.txt must hold the number of functions hello.wasm imports from wasi_snapshot_preview1: the
# complete list of what the module can ask its host for.
f=/root/lab/imports.txt
[[ -s $f ]] || { echo "FAIL: /root/lab/imports.txt is missing or empty. Count the module's wasi_snapshot_preview1 imports with wasm-objdump and write the number there."; exit 1; }
[[ -f /root/lab/hello.wasm ]] || { echo "FAIL: build /root/lab/hello.wasm first."; exit 1; }
want=$(wasm-objdump -x -j Import /root/lab/hello.wasm 2>/dev/null | grep -c '<- wasi_snapshot_preview1\.')
[[ $want -gt 0 ]] || { echo "FAIL: hello.wasm imports nothing from wasi_snapshot_preview1 yet: build it with GOOS=wasip1 GOARCH=wasm first, then count."; exit 1; }
got=$(tr -d ' \t\r\n' < "$f")
[[ $got =~ ^[0-9]+$ ]] || { echo "FAIL: imports.txt should hold just a number, found \"${got:0:40}\"."; exit 1; }
[[ $got == "$want" ]] || { echo "FAIL: imports.txt says $got, but hello.wasm imports $want functions from wasi_snapshot_preview1 (count the lines of wasm-objdump -x -j Import that name it)."; exit 1; }
