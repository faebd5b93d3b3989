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
// pinned to those CPUs (step 3).
const cpusetPrefix = "cpuset.praxis.dev/"

type plugin struct{}

// CreateContainer is the only event this plugin subscribes to: the stub sees that the type has this
// method and asks containerd for CreateContainer events only.
func (p *plugin) CreateContainer(_ context.Context, pod *api.PodSandbox, ctr *api.Container) (*api.ContainerAdjustment, []*api.ContainerUpdate, error) {
	adj := &api.ContainerAdjustment{}

	// TODO (step 2): add the environment variable PRAXIS_NRI=injected.
	// TODO (step 2): add the annotation nri.praxis.dev/adjusted-by=praxis-inject.

	// TODO (step 3): if pod.GetAnnotations() has cpusetPrefix + ctr.GetName(), pin the container to
	// the CPUs in its value.

	log.Printf("%s/%s: adjusted", pod.GetName(), ctr.GetName())
	return adj, nil, nil
}

func main() {
	// Name and index identify the plugin to containerd; the index (two digits) orders plugins.
	s, err := stub.New(&plugin{}, stub.WithPluginName("praxis-inject"), stub.WithPluginIdx("10"),
		// containerd closing the connection (a restart, say) ends the plugin: start it again after.
		stub.WithOnClose(func() { log.Print("containerd closed the connection"); os.Exit(1) }))
	if err != nil {
		log.Fatalf("creating the NRI stub: %v", err)
	}
	log.Print("connecting to /var/run/nri/nri.sock")
	if err := s.Run(context.Background()); err != nil {
		log.Fatalf("plugin stopped: %v", err)
	}
}
