"use client";
/**
 * In the player, for a learner in a workshop: the instructor's newest broadcast message (live, through
 * the workshop event stream), and a notice once the workshop has ended. Renders nothing for self-paced
 * learners (their stream answers 204 and EventSource stops). A message can be dismissed.
 */
import { useEffect, useState } from "react";
import type { LearnerWorkshopView } from "../../_server/workshops/learner-stream";
import { MY_WORKSHOP_EVENTS } from "./workshops-api";
import "./workshops.css";

// The server defines the shape; a type-only import keeps it in one place.
type WorkshopView = LearnerWorkshopView;

export function WorkshopBanner() {
  const [view, setView] = useState<WorkshopView | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    const source = new EventSource(MY_WORKSHOP_EVENTS);
    source.addEventListener("workshop", (m) => {
      const next = JSON.parse((m as MessageEvent<string>).data) as WorkshopView | null;
      setView(next);
      // The server closes the stream once the workshop is over; without this the browser would reopen it.
      if (!next || next.phase === "ended") source.close();
    });
    return () => source.close();
  }, []);

  if (!view) return null;
  const latest = view.messages.at(-1);
  if (view.phase === "ended") {
    return (
      <div className="workshop-banner" role="status">
        “{view.title}” has ended. Thank you for taking part!
      </div>
    );
  }
  if (!latest || latest.id === dismissed) return null;
  return (
    <div className="workshop-banner" role="alert" data-testid="workshop-message">
      <strong>Message from your instructor:</strong> {latest.text}
      <button type="button" className="button button-small" onClick={() => setDismissed(latest.id)} aria-label="Dismiss the message">
        OK
      </button>
    </div>
  );
}
