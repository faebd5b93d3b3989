/**
 * An in-process terminal gateway for `praxis env shell`: the same TerminalGateway, tickets and wire
 * protocol the runner serves, on an ephemeral loopback port with a secret that lives only as long as
 * the command. So the CLI needs no running `npm start`, and the shell it opens is the same tmux session
 * the web terminal attaches to. Containers are found by label, like every other env command.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { jsonLogger } from "../api/logger";
import type { ContainerRuntime } from "../docker/runtime";
import { TerminalGateway } from "../terminal/gateway";
import { TicketAuthority } from "../terminal/tickets";

export const LOCAL_ORIGIN = "http://praxis-cli.localhost";

export interface LocalGateway {
  /** A ws:// URL with a fresh ticket for one terminal of one host. */
  urlFor(sessionId: string, host: string, terminalId?: string): string;
  close(): Promise<void>;
}

export async function startLocalGateway(runtime: ContainerRuntime, containerOf: (sessionId: string, host: string) => Promise<string | null>): Promise<LocalGateway> {
  const tickets = new TicketAuthority({ secret: randomBytes(32) });
  const gateway = new TerminalGateway({
    runtime,
    tickets,
    isAllowedOrigin: (origin) => origin === LOCAL_ORIGIN,
    resolveContainer: containerOf,
    // The user's terminal is the UI here; gateway log lines would garble it.
    logger: jsonLogger({ write: () => true }, { level: "error" }),
  });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor(sessionId, host, terminalId = "main") {
      const { ticket } = tickets.mint({ sessionId, host, terminalId });
      return `ws://127.0.0.1:${port}/terminal?ticket=${encodeURIComponent(ticket)}`;
    },
    async close() {
      await gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
