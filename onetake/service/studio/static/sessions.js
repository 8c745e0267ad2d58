import { html, useState, useEffect } from "./ui.js";
import { get } from "./api.js";
import { when } from "./ui.js";

export function SessionList() {
  const [rows, setRows] = useState(null);
  const [error, setError] = useState(null);
  const [token, setToken] = useState(null);
  const load = async (next) => {
    try {
      const page = await get(`/v3/video-agents?limit=20${next ? `&token=${encodeURIComponent(next)}` : ""}`);
      setRows((old) => (next ? [...(old || []), ...page.data] : page.data));
      setToken(page.has_more ? page.next_token : null);
    } catch (e) { setError(e.message); }
  };
  useEffect(() => { load(null); }, []);
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!rows) return html`<p role="status">Loading sessions…</p>`;
  return html`
    <section class="panel" aria-labelledby="sessions-title">
      <h1 id="sessions-title">Sessions</h1>
      ${rows.length === 0 ? html`<p>No sessions yet. <a href="#/new">Make a video</a>.</p>` : html`
        <ul class="list">
          ${rows.map((r) => html`<li><a href=${`#/session/${encodeURIComponent(r.session_id)}`}>${r.title || r.session_id}</a>
            <span class=${`status ${r.status}`}>${r.status.replace(/_/g, " ")}</span> <span class="muted">${when(r.created_at)}</span></li>`)}
        </ul>`}
      ${token && html`<button type="button" onClick=${() => load(token)}>Load more</button>`}
    </section>`;
}
