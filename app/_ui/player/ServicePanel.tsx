"use client";
/**
 * A web service a host exposes (a port the lab declares), shown in a frame on the site's authenticated proxy,
 * with Reload (apps under development change) and a link to open it in its own browser tab.
 */
import { useState } from "react";
import { serviceUrl } from "./player-api";
import type { PlayerService } from "./player-lab";

export function ServicePanel({ sessionId, service }: { sessionId: string; service: PlayerService }) {
  const [generation, setGeneration] = useState(0);
  const url = serviceUrl(sessionId, service.host, service.port, service.path);
  return (
    <div className="service-panel">
      <div className="service-bar">
        <span className="service-name">
          {service.name} <span className="muted">({service.host}:{service.port})</span>
        </span>
        <button type="button" className="button button-small" onClick={() => setGeneration((g) => g + 1)}>
          Reload
        </button>
        <a className="button button-small" href={url} target="_blank" rel="noreferrer">
          Open in a new tab
        </a>
      </div>
      <iframe key={generation} className="service-frame" src={url} title={`${service.name} on ${service.host}, port ${service.port}`} />
    </div>
  );
}
