"use client";
/**
 * What the learner watches while their environment is prepared: the provisioning steps (images,
 * network, hosts, files, setup) with their status and latest message, a progress bar and the elapsed
 * time, fed by the session's Server-Sent Events. Calls onReady once the runner says ready, onFailed
 * with a plain-words reason otherwise; the stream is closed then, so the browser does not reconnect.
 */
import { useEffect, useReducer, useRef } from "react";
import { Elapsed } from "./Elapsed";
import { eventsUrl } from "./session-api";
import { failureText, foldProvisionEvent, initialProvisionView, type ProvisionEvent, type StepStatus } from "./provision-progress";

const ICON: Record<StepStatus, string> = { pending: "○", running: "◐", done: "✓", failed: "✗" };

export function ProvisionProgress({ sessionId, since, onReady, onFailed }: { sessionId: string; since: number; onReady: () => void; onFailed: (message: string) => void }) {
  const [view, dispatch] = useReducer(foldProvisionEvent, initialProvisionView);
  const callbacks = useRef({ onReady, onFailed });
  callbacks.current = { onReady, onFailed };

  useEffect(() => {
    const source = new EventSource(eventsUrl(sessionId));
    const on = (type: ProvisionEvent["type"], toEvent: (data: Record<string, unknown>) => ProvisionEvent) =>
      source.addEventListener(type, (m) => {
        const event = toEvent(JSON.parse((m as MessageEvent<string>).data) as Record<string, unknown>);
        dispatch(event);
        if (event.type !== "state" || event.state === "provisioning") return;
        source.close();
        if (event.state === "ready") callbacks.current.onReady();
        else callbacks.current.onFailed(failureText(event.state, event.error));
      });
    on("steps", (d) => ({ type: "steps", steps: d.steps as string[] }));
    on("progress", (d) => ({ type: "progress", step: String(d.step), status: d.status as "started", message: String(d.message ?? "") }));
    on("state", (d) => ({ type: "state", state: String(d.state), error: d.error === undefined ? undefined : String(d.error) }));
    // A refused stream (404: the runner no longer knows the session) is not retried by the browser.
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) callbacks.current.onFailed("the environment could not be followed any more; please try again");
    };
    return () => source.close();
  }, [sessionId]);

  return (
    <div className="provision" role="status" aria-live="polite" aria-label="Preparing your environment">
      <p className="provision-title">
        <span className="spinner" aria-hidden="true" /> Preparing your environment… <Elapsed since={since} />
      </p>
      <progress className="provision-bar" max={1} value={view.fraction} aria-label="Provisioning progress" />
      <ol className="provision-steps">
        {view.steps.map((s) => (
          <li key={s.name} data-status={s.status} data-step={s.name}>
            <span className="provision-icon" aria-hidden="true">{ICON[s.status]}</span> {s.label}
            <span className="sr-only"> ({s.status})</span>
            {s.message ? <span className="provision-message"> — {s.message}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

