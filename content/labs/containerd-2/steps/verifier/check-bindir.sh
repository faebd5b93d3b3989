#!/bin/bash
# containerd runs every file in the bindir verifier's directory; one that cannot be executed makes
# every pull fail (fail closed), so each file there must be an executable regular file.
dir=/opt/containerd/image-verifier/bin
if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir")" ]; then
  echo "FAIL: $dir is missing or empty, so containerd allows every pull. Put your verifier there."
  exit 1
fi
for f in "$dir"/*; do
  if [ ! -f "$f" ] || [ ! -x "$f" ]; then
    echo "FAIL: $f is not an executable file. containerd tries to run everything in $dir and refuses every pull when one cannot run: chmod +x it, or move it elsewhere."
    exit 1
  fi
done
