#!/bin/bash
# The complete plugin: env and annotation (step 2) plus CPU pinning from a pod annotation.
set -euo pipefail
cd /root/lab/nri-plugin
cat >main.go <<'GO'
// praxis-inject: an NRI plugin. containerd calls CreateContainer for every container it is about to
// create through CRI (the API the kubelet and crictl use), and merges the adjustment returned here
// into the container's OCI spec before runc sees it.
package main

import (
	"context"
	"log"
	"os"

	"github.com/containerd/nri/pkg/api"
	"github.com/containerd/nri/pkg/stub"
)

// A pod annotation "cpuset.praxis.dev/<container name>": "<cpus>" asks for that container to be
// pinned to those CPUs.
const cpusetPrefix = "cpuset.praxis.dev/"

type plugin struct{}

func (p *plugin) CreateContainer(_ context.Context, pod *api.PodSandbox, ctr *api.Container) (*api.ContainerAdjustment, []*api.ContainerUpdate, error) {
	adj := &api.ContainerAdjustment{}
	adj.AddEnv("PRAXIS_NRI", "injected")
	adj.AddAnnotation("nri.praxis.dev/adjusted-by", "praxis-inject")
	if cpus, ok := pod.GetAnnotations()[cpusetPrefix+ctr.GetName()]; ok {
		adj.SetLinuxCPUSetCPUs(cpus)
		log.Printf("%s/%s: pinned to CPUs %s", pod.GetName(), ctr.GetName(), cpus)
	}
	log.Printf("%s/%s: adjusted", pod.GetName(), ctr.GetName())
	return adj, nil, nil
}

func main() {
	s, err := stub.New(&plugin{}, stub.WithPluginName("praxis-inject"), stub.WithPluginIdx("10"),
		stub.WithOnClose(func() { log.Print("containerd closed the connection"); os.Exit(1) }))
	if err != nil {
		log.Fatalf("creating the NRI stub: %v", err)
	}
	log.Print("connecting to /var/run/nri/nri.sock")
	if err := s.Run(context.Background()); err != nil {
		log.Fatalf("plugin stopped: %v", err)
	}
}
GO
go build -o praxis-inject .
pkill -x praxis-inject || true
for _ in $(seq 1 50); do [ "$(ss -xp | grep -c 'ESTAB.*/var/run/nri/nri.sock')" -eq 0 ] && break; sleep 0.1; done
setsid nohup ./praxis-inject >/var/log/praxis-inject.log 2>&1 </dev/null &
for _ in $(seq 1 50); do [ "$(ss -xp | grep -c 'ESTAB.*/var/run/nri/nri.sock')" -gt 0 ] && break; sleep 0.1; done
