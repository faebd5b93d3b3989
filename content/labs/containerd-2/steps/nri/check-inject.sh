#!/bin/bash
# A brand-new CRI container must carry PRAXIS_NRI=injected in the environment of its running process
# and the annotation nri.praxis.dev/adjusted-by=praxis-inject in its OCI spec.
. /usr/local/lib/praxis/nri-probe.sh
probe_pod '{}' probe
spec=$(crictl inspect "${CTR[probe]}")
pid=$(jq -r '.info.pid' <<<"$spec")
if ! tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx 'PRAXIS_NRI=injected'; then
  if [ "$(nri_connections)" -eq 0 ]; then
    echo "FAIL: no NRI plugin is connected to containerd. Build your plugin (go build -o praxis-inject .) and start it in the background (./praxis-inject >>/var/log/praxis-inject.log 2>&1 &); it must keep running."
  else
    echo "FAIL: a plugin is connected, but a new container's process has no PRAXIS_NRI=injected in its environment. Add it with adj.AddEnv in CreateContainer, rebuild, and restart the plugin (a running plugin keeps its old code)."
  fi
  exit 1
fi
by=$(jq -r '.info.runtimeSpec.annotations["nri.praxis.dev/adjusted-by"] // empty' <<<"$spec")
if [ "$by" != "praxis-inject" ]; then
  echo "FAIL: the environment variable arrives, but the container's spec has no annotation nri.praxis.dev/adjusted-by=praxis-inject (found \"$by\"). Add it with adj.AddAnnotation, rebuild, restart the plugin."
  exit 1
fi
