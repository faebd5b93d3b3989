/**
 * The "some content failed validation" banner. The valid labs are still served; this tells whoever runs the
 * site what is wrong and where, in the same file:line:col form `praxis validate` prints, collapsed so learners
 * are not confronted with a wall of errors.
 */
import { formatDiagnostic, type Diagnostic } from "../../../labs/index";
import { plural } from "../format";

export function DiagnosticsNotice({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return (
    <section className="notice notice-warning" aria-labelledby="content-problems-title">
      <h2 id="content-problems-title" className="notice-title">
        Some content could not be loaded
      </h2>
      <p>
        {plural(diagnostics.length, "problem")} in {plural(files, "file")}. Everything else is available; run{" "}
        <code>praxis validate</code> for details.
      </p>
      <details>
        <summary>Show problems (for site admins)</summary>
        <ul className="diagnostic-list">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <code>{formatDiagnostic(d)}</code>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
