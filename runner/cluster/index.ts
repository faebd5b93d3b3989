/**
 * Kubernetes clusters for lab environments, provisioned through the container runtime the way
 * `kind create cluster` does (node containers, kubeadm init/join, CNI, storage), in the order below.
 * Each step is a no-op for environments without a cluster.
 */
import type { ProvisionStep } from "../provision/context";
import { connectHosts } from "./steps/connect-hosts";
import { createClusterNodes } from "./steps/create-nodes";
import { installAddons } from "./steps/install-addons";
import { joinWorkers } from "./steps/join-workers";
import { kubeadmInit } from "./steps/kubeadm-init";
import { loadImages } from "./steps/load-images";
import { waitClusterReady } from "./steps/wait-ready";

export const CLUSTER_STEPS: readonly ProvisionStep[] = [
  createClusterNodes,
  kubeadmInit,
  installAddons,
  joinWorkers,
  loadImages,
  waitClusterReady,
  connectHosts,
];

export { clusterName, clusterNodes, KIND_LABEL } from "./names";
