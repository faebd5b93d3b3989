#!/bin/bash
set -euo pipefail
ctr -n default image pull --local localhost:5000/community/hello:1.0
