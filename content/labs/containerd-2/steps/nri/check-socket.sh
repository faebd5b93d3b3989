#!/bin/bash
# NRI is on when containerd listens on its NRI socket. (With disable = true the NRI plugin still shows
# as "ok" in `ctr plugins ls`, so the plugin list cannot tell.)
if ss -xl 2>/dev/null | grep -q '/var/run/nri/nri.sock'; then exit 0; fi
if ! ctr version >/dev/null 2>&1; then
  echo "FAIL: containerd is not running. Start it with: lab-containerd start"
elif grep -q 'NRI interface is disabled by configuration' /var/log/containerd.log 2>/dev/null; then
  echo "FAIL: containerd logged \"NRI interface is disabled by configuration\": set disable = false under [plugins.'io.containerd.nri.v1.nri'] in /etc/containerd/config.toml, then lab-containerd restart."
else
  echo "FAIL: nothing listens on /var/run/nri/nri.sock. Check [plugins.'io.containerd.nri.v1.nri'] in /etc/containerd/config.toml (disable = false, socket_path) and restart containerd."
fi
exit 1
