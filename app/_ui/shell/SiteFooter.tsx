/** The contentinfo landmark: a quiet line about what Praxis is. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Praxis — hands-on cloud-native labs that run in your browser. Self-hosted, works offline.</p>
      </div>
    </footer>
  );
}
