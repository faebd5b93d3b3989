// Package deps imports what an NRI plugin needs, so that `go mod tidy` on the host records (and the
// image ships) every module those packages pull in. It is also compiled once in the image to warm
// Go's build cache, so the learner's first `go build` takes seconds instead of a minute.
package main

import (
	"context"

	"github.com/containerd/nri/pkg/api"
	"github.com/containerd/nri/pkg/stub"
)

type nop struct{}

func (nop) CreateContainer(context.Context, *api.PodSandbox, *api.Container) (*api.ContainerAdjustment, []*api.ContainerUpdate, error) {
	return &api.ContainerAdjustment{}, nil, nil
}

func main() {
	if _, err := stub.New(nop{}); err != nil {
		panic(err)
	}
}
