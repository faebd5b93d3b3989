#!/bin/bash
# A new pod annotated cpuset.praxis.dev/pinned: "1" gets two containers. "pinned" must run on CPU 1
# only (read from its running process, not just its spec); "free" has no annotation and must not be
# pinned.
. /usr/local/lib/praxis/nri-probe.sh
probe_pod '{"cpuset.praxis.dev/pinned":"1"}' pinned free
pinned=$(crictl inspect "${CTR[pinned]}")
free=$(crictl inspect "${CTR[free]}")
cpus=$(jq -r '.info.runtimeSpec.linux.resources.cpu.cpus // empty' <<<"$pinned")
allowed() { awk '/^Cpus_allowed_list:/ {print $2}' "/proc/$(jq -r '.info.pid' <<<"$1")/status"; }
if [ "$cpus" != "1" ]; then
  plugin=$(pgrep -xo praxis-inject)
  if [ "$(nri_connections)" -eq 0 ]; then
    echo "FAIL: no NRI plugin is connected to containerd. Start your plugin again (it exits whenever containerd restarts)."
  elif [ -n "$plugin" ] && (( $(proc_started "$plugin") + 1 < $(stat -c %Y /root/lab/nri-plugin/main.go) )); then
    echo "FAIL: the running praxis-inject was started before your last change to main.go. Rebuild it, stop the old one (pkill -x praxis-inject) and start the new one."
  else
    echo "FAIL: the container \"pinned\" of a pod annotated cpuset.praxis.dev/pinned=1 has no cpuset in its spec (found \"$cpus\"). In CreateContainer, look up pod.GetAnnotations()[cpusetPrefix+ctr.GetName()] and pass its value to adj.SetLinuxCPUSetCPUs."
  fi
  exit 1
fi
got=$(allowed "$pinned")
if [ "$got" != "1" ]; then
  echo "FAIL: the spec of \"pinned\" says cpus 1, but its running process may use CPUs $got. The cpuset cgroup did not apply; look for errors at the end of /var/log/containerd.log."
  exit 1
fi
if [ -n "$(jq -r '.info.runtimeSpec.linux.resources.cpu.cpus // empty' <<<"$free")" ] || [ "$(allowed "$free")" = "1" ]; then
  echo "FAIL: the container \"free\" has no annotation of its own, yet it was pinned too. Use the annotation for ctr.GetName() only: cpusetPrefix + ctr.GetName()."
  exit 1
fi
