"use client";
/**
 * "You" in the player bar: the learner's display name (anonymous until they set one) and the link that
 * continues the same progress on another device. A disclosure, not a modal: Escape closes it and returns
 * focus to its button. The link is a credential, which the text says plainly.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { copyText } from "../markdown/clipboard";
import { getMe, setDisplayName } from "./player-api";
import type { MeView } from "./progress-types";

export function LearnerMenu() {
  const [open, setOpen] = useState(false);
  const [me, setMe] = useState<MeView | null>(null);
  const [name, setName] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    getMe().then(
      (m) => (setMe(m), setName(m.displayName ?? "")),
      () => setMe(null),
    );
  }, []);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 40) return setNote("A display name has 1 to 40 characters.");
    setNote("Saving…");
    setDisplayName(trimmed).then(
      (m) => (setMe(m), setNote("Saved.")),
      (err: unknown) => setNote(`Not saved: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="learner-menu" onKeyDown={(e) => e.key === "Escape" && open && close()}>
      <button ref={button} type="button" className="button button-small" aria-expanded={open} aria-controls="learner-panel" onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="currentColor">
          <circle cx="8" cy="5" r="3.2" />
          <path d="M1.8 15c.4-3.4 3-5.4 6.2-5.4s5.8 2 6.2 5.4z" />
        </svg>{" "}
        {me?.displayName ?? "You"}
      </button>
      {open ? (
        <div id="learner-panel" className="learner-panel" role="region" aria-label="Your profile">
          <form onSubmit={save}>
            <label htmlFor="display-name">Display name</label>
            <div className="learner-row">
              <input id="display-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="Anonymous" autoComplete="nickname" />
              <button type="submit" className="button button-small">
                Save
              </button>
            </div>
          </form>
          <p className="learner-note" role="status">
            {note}
          </p>
          {me ? (
            <>
              <label htmlFor="resume-url">Continue on another device</label>
              <div className="learner-row">
                <input id="resume-url" readOnly value={me.resumeUrl} onFocus={(e) => e.target.select()} />
                <button type="button" className="button button-small" onClick={() => void copyText(me.resumeUrl).then((ok) => setNote(ok ? "Link copied." : "Copy failed; select the link and copy it."))}>
                  Copy
                </button>
              </div>
              <p className="learner-hint">Open this link on another device to pick up where you are. Keep it to yourself: anyone with it can continue as you.</p>
            </>
          ) : (
            <p className="learner-hint">Your profile could not be loaded.</p>
          )}
          <button type="button" className="button button-small" onClick={close}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
