#!/bin/bash
# The OCI bundle must run the native build of hello under runc, as a real container (its own
# namespaces and root folder). A fresh container id per try, so concurrent checks never collide.
b=/root/lab/bundle
[[ -x $b/rootfs/hello ]] || { echo "FAIL: $b/rootfs/hello is missing: build the native program there (go build -o $b/rootfs/hello . in /root/lab/hello)."; exit 1; }
if [[ $(head -c 4 "$b/rootfs/hello" | od -An -tx1 | tr -d ' \n') != 7f454c46 ]]; then
  echo "FAIL: $b/rootfs/hello is not a Linux program. Did GOOS=wasip1 stay set in your shell? Build it with plain go build."; exit 1
fi
[[ -f $b/config.json ]] || { echo "FAIL: $b/config.json is missing: create it with runc spec inside $b."; exit 1; }
args=$(jq -c '.process.args' "$b/config.json" 2>/dev/null) || { echo "FAIL: $b/config.json is not valid JSON."; exit 1; }
[[ $args == '["/hello"]' ]] || { echo "FAIL: config.json starts $args; the rootfs holds only /hello, so process.args must be [\"/hello\"]."; exit 1; }
[[ $(jq -r '.process.terminal' "$b/config.json") == false ]] \
  || { echo "FAIL: config.json asks for a terminal (process.terminal: true); set it to false so runc can run it from scripts and hyperfine."; exit 1; }
id=check-$$-$RANDOM
out=$(timeout 20 runc run --bundle "$b" "$id" 2>&1); rc=$?
runc delete -f "$id" >/dev/null 2>&1
[[ $rc -eq 0 && $out == "hello from linux/amd64" ]] \
  || { echo "FAIL: runc run --bundle $b exited $rc and printed \"$(head -c 200 <<<"$out")\", expected \"hello from linux/amd64\"."; exit 1; }
