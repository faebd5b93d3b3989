#!/bin/bash
set -e
docker rm -f web >/dev/null 2>&1 || true
docker run -d --name web -p 8080:80 \
  --cap-drop ALL --cap-add NET_BIND_SERVICE \
  --read-only --tmpfs /tmp \
  --security-opt no-new-privileges \
  praxis-lab/web:1
