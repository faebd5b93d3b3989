/**
 * The "Start lab" call to action. Environments are not wired up yet, so the button is rendered disabled with
 * an explanation tied to it via aria-describedby (a later issue replaces this with the real launcher).
 */
export function StartLabButton() {
  return (
    <div className="start-lab">
      <button type="button" className="button button-primary" disabled aria-describedby="start-lab-note">
        Start lab
      </button>
      <p id="start-lab-note" className="muted">
        Live environments are coming soon. You can read every step now.
      </p>
    </div>
  );
}
