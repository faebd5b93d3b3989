/**
 * Creating a session's bridge when Docker's default address pools are used up. Those pools hold about
 * 30 bridge networks (15 /16s of 172.17–31 and 16 /20s of 192.168), and every session has its own
 * network, so a room of 30 learners plus a warm pool runs out. Then we pick a subnet ourselves: a random
 * /26 (62 hosts, far more than a lab has) of 10.213.0.0/16, retrying when it overlaps a network that
 * already exists. 1024 such subnets leave plenty of room on one machine.
 */
import { isRuntimeError, type ContainerRuntime, type NetworkInfo, type NetworkSpec } from "../docker";

const BASE = [10, 213] as const;
const ATTEMPTS = 16;

/** A random /26 inside 10.213.0.0/16. */
export function randomSubnet(random: () => number = Math.random): string {
  const block = Math.floor(random() * 1024); // 1024 × 64 addresses = the /16
  return `${BASE[0]}.${BASE[1]}.${Math.floor(block / 4)}.${(block % 4) * 64}/26`;
}

export async function createBridgeNetwork(runtime: ContainerRuntime, spec: NetworkSpec, random?: () => number): Promise<NetworkInfo> {
  try {
    return await runtime.createNetwork(spec);
  } catch (err) {
    if (!isRuntimeError(err, "exhausted")) throw err;
    for (let i = 0; i < ATTEMPTS; i++) {
      try {
        return await runtime.createNetwork({ ...spec, subnet: randomSubnet(random) });
      } catch (retry) {
        if (!isRuntimeError(retry, "conflict")) throw retry;
      }
    }
    throw err;
  }
}
