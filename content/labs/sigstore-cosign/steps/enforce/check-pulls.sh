#!/bin/bash
# Pull through containerd's transfer service, as `ctr image pull` does by default, in a namespace of
# the check's own: the signed app:v1 must be allowed; the unsigned image must be blocked by a verifier
# with a reason, both by its tag and by its bare digest (so a verifier that only looks at names fails).
ns=praxis-checks
dir=/opt/containerd/image-verifier/bin
ctr version >/dev/null 2>&1 || { echo "FAIL: containerd is not running. Start it with: lab-containerd start"; exit 1; }
if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir" 2>/dev/null)" ]; then
  echo "FAIL: $dir is empty, so containerd allows every pull, signed or not. Put your verifier script there."
  exit 1
fi
for f in "$dir"/*; do
  if [ ! -f "$f" ] || [ ! -x "$f" ]; then
    echo "FAIL: $f is not an executable file. containerd runs everything in $dir and blocks every pull when one cannot run: chmod +x it, or move it elsewhere."
    exit 1
  fi
done
tampered=$(cat /var/lib/praxis-lab/tampered.digest 2>/dev/null || crane digest localhost:5000/app:tampered 2>/dev/null)
[[ $tampered == sha256:* ]] || { echo "FAIL: the unsigned image localhost:5000/app:tampered is gone from the registry (is it up? run lab-registry). Reset this step to push it again."; exit 1; }
short() { grep -v '^\s*$' <<<"$1" | tail -n 1 | cut -c1-400; }
ctr -n $ns images rm localhost:5000/app:v1 localhost:5000/app:tampered "localhost:5000/app@$tampered" >/dev/null 2>&1
if ! out=$(ctr -n $ns image pull localhost:5000/app:v1 2>&1); then
  echo "FAIL: pulling the signed localhost:5000/app:v1 failed, but a signed image must be allowed: $(short "$out")"
  echo "Run your verifier by hand: $dir/<name> -name localhost:5000/app:v1 -digest $(crane digest localhost:5000/app:v1 2>/dev/null) </dev/null; echo \$?"
  exit 1
fi
for ref in localhost:5000/app:tampered "localhost:5000/app@$tampered"; do
  if out=$(ctr -n $ns image pull "$ref" 2>&1); then
    ctr -n $ns images rm "$ref" >/dev/null 2>&1
    echo "FAIL: $ref was pulled although nothing signed it: no verifier blocked it. Your verifier must run cosign verify on the -digest it is given and exit non-zero when that fails."
    exit 1
  fi
  if ! grep -q 'blocked pull' <<<"$out"; then
    echo "FAIL: the pull of $ref failed, but not because a verifier blocked it: $(short "$out")"
    exit 1
  fi
  if [[ "$out" =~ \(exit\ code\ [0-9]+\):[[:space:]]*$ ]]; then
    echo "FAIL: the pull of $ref is blocked, but your verifier gives no reason. Print one line on standard output before exiting: containerd puts it in the error the user sees."
    exit 1
  fi
done
ctr -n $ns images rm localhost:5000/app:v1 >/dev/null 2>&1
exit 0
