#!/bin/bash
# run.sh greet must reach both grants: GREETING=hi and the message the setup wrote into /root/lab/data.
s=/root/lab/run.sh
[[ -f $s ]] || { echo "FAIL: /root/lab/run.sh does not exist yet. Write a script that runs hello.wasm with wazero and passes its arguments on (\"\$@\")."; exit 1; }
grep -q 'wazero' "$s" || { echo "FAIL: run.sh never calls wazero: run the module, not the native program."; exit 1; }
token=$(cat /root/lab/data/message.txt)
out=$(cd /tmp && timeout 20 env -u GREETING bash "$s" greet 2>&1); rc=$?
if grep -q 'cannot read /data/message.txt' <<<"$out"; then
  echo "FAIL: the module cannot read /data/message.txt (exit $rc): grant /root/lab/data to it as /data with wazero's -mount flag."; exit 1
fi
grep -q 'GREETING is not set' <<<"$out" && { echo "FAIL: the module sees no GREETING: pass it with -env GREETING=hi (the module does not see your shell's variables)."; exit 1; }
grep -q "^hi! the message is: $token\$" <<<"$out" \
  || { echo "FAIL: bash run.sh greet printed \"$(head -c 160 <<<"$out")\", expected \"hi! the message is: $token\". Does run.sh pass its arguments on with \"\$@\"?"; exit 1; }
