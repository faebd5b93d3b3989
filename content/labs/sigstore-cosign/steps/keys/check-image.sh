#!/bin/bash
# The learner's image must be in the lab registry under app:v1 and contain the app folder.
curl -fsS -o /dev/null http://localhost:5000/v2/ \
  || { echo "FAIL: the registry on localhost:5000 is not answering. Start it again with lab-registry."; exit 1; }
crane digest localhost:5000/app:v1 >/dev/null 2>&1 \
  || { echo "FAIL: localhost:5000/app:v1 does not exist yet. Push it with crane append -f app.tar.gz -t localhost:5000/app:v1."; exit 1; }
files=$(crane export localhost:5000/app:v1 - 2>/dev/null | tar -t 2>/dev/null)
grep -qE '(^|/)app/hello\.sh$' <<<"$files" \
  || { echo "FAIL: localhost:5000/app:v1 exists but has no app/hello.sh. Pack the folder with tar -C /root/lab -czf app.tar.gz app and push it again."; exit 1; }
