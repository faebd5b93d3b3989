"use client";
/**
 * An accessible "are you sure?" for actions that cannot be taken back (reveal the solution, skip a step,
 * reset it): a native modal <dialog>, so focus moves into it, stays there, and Escape cancels. `confirm()`
 * resolves true only when the learner picks the action; Cancel has the initial focus, so Enter is safe.
 */
import { useCallback, useRef, useState, type ReactNode } from "react";

interface Ask {
  title: string;
  body: string;
  action: string;
}

export function useConfirm(): [ReactNode, (ask: Ask) => Promise<boolean>] {
  const dialog = useRef<HTMLDialogElement>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const finish = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    dialog.current?.close();
  };

  const confirm = useCallback((next: Ask) => {
    resolver.current?.(false);
    setAsk(next);
    // Open after React has rendered the new text into the dialog.
    requestAnimationFrame(() => {
      if (dialog.current && !dialog.current.open) dialog.current.showModal();
    });
    return new Promise<boolean>((resolve) => (resolver.current = resolve));
  }, []);

  const element = (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body" onClose={() => finish(false)}>
      <h2 id="confirm-title">{ask?.title}</h2>
      <p id="confirm-body">{ask?.body}</p>
      <div className="confirm-actions">
        <button type="button" className="button" autoFocus onClick={() => finish(false)}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={() => finish(true)}>
          {ask?.action}
        </button>
      </div>
    </dialog>
  );
  return [element, confirm];
}
