#!/bin/bash
# Turn NRI on, then build and start the plugin with the step 2 changes (env + annotation only).
set -euo pipefail
sed -i "/^\s*\[plugins\.'io\.containerd\.nri\.v1\.nri'\]/,/^\s*\[/ s/^\(\s*disable\s*=\s*\)true/\1false/" /etc/containerd/config.toml
lab-containerd restart
cd /root/lab/nri-plugin
python3 - <<'PY'
p = "main.go"
s = open(p).read()
s = s.replace("""	// TODO (step 2): add the environment variable PRAXIS_NRI=injected.
	// TODO (step 2): add the annotation nri.praxis.dev/adjusted-by=praxis-inject.
""", """	adj.AddEnv("PRAXIS_NRI", "injected")
	adj.AddAnnotation("nri.praxis.dev/adjusted-by", "praxis-inject")
""")
open(p, "w").write(s)
PY
go build -o praxis-inject .
pkill -x praxis-inject || true
setsid nohup ./praxis-inject >/var/log/praxis-inject.log 2>&1 </dev/null &
for _ in $(seq 1 50); do [ "$(ss -xp | grep -c 'ESTAB.*/var/run/nri/nri.sock')" -gt 0 ] && break; sleep 0.1; done
