#!/bin/bash
# Least privilege: with a decoy variable in the caller's environment, run.sh probe must show only
# GREETING, no host file outside /data, and a /data the module cannot write to.
s=/root/lab/run.sh
[[ -f $s ]] || { echo "FAIL: /root/lab/run.sh does not exist yet."; exit 1; }
out=$(cd /tmp && timeout 20 env LAB_DECOY=secret bash "$s" probe 2>&1)
env_line=$(grep '^env:' <<<"$out")
[[ -n $env_line ]] || { echo "FAIL: bash run.sh probe printed \"$(head -c 160 <<<"$out")\" instead of the probe report. Does run.sh pass its arguments on with \"\$@\"?"; exit 1; }
[[ -z ${env_line#env:} || ${env_line#env:} =~ ^\ +$ ]] \
  && { echo "FAIL: the module sees no variables at all: grant GREETING=hi with -env GREETING=hi."; exit 1; }
[[ $env_line == "env: GREETING" ]] \
  || { echo "FAIL: the module sees these variables: ${env_line#env: }. Grant only GREETING (-env GREETING=hi), not the whole environment (-env-inherit)."; exit 1; }
grep -q '^read /etc/passwd: allowed' <<<"$out" \
  && { echo "FAIL: the module can read /etc/passwd of the host: mount only /root/lab/data (as /data), not / or /etc."; exit 1; }
grep -q '^write /data: allowed' <<<"$out" \
  && { echo "FAIL: the module can write into /data: it only needs to read it, so mount it read-only with the :ro suffix."; exit 1; }
grep -q '^write /data: refused' <<<"$out" || { echo "FAIL: unexpected probe output: $(head -c 200 <<<"$out")"; exit 1; }
