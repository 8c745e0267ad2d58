import { html, render, useState, useEffect, useCallback } from "./ui.js";
import { get, keyStore, all } from "./api.js";
import { KeyGate } from "./keygate.js";
import { CreateForm } from "./create.js";
import { SessionView } from "./session.js";
import { SessionList } from "./sessions.js";
import { Catalogue } from "./catalogue.js";

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [view, id] = hash.split("/");
  return { view: view || "new", id: id ? decodeURIComponent(id) : null };
}

function App() {
  const [where, setWhere] = useState(route());
  const [auth, setAuth] = useState("checking"); // checking | open (no-auth) | key | needed
  const [authError, setAuthError] = useState(null);
  const [catalogue, setCatalogue] = useState(null);

  useEffect(() => {
    const onHash = () => { setWhere(route()); document.getElementById("main")?.focus(); };
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  const check = useCallback(async () => {
    try {
      await get("/v3/avatars?limit=1");
      setAuth(keyStore.get() ? "key" : "open");
      setAuthError(null);
      const [avatars, voices, styles] = await Promise.all([all("/v3/avatars"), all("/v3/voices"), all("/v3/video-agents/styles")]);
      setCatalogue({ avatars, voices, styles });
    } catch (e) {
      if (e.status === 401) {
        if (keyStore.get()) setAuthError(e.message);
        keyStore.clear();
        setAuth("needed");
      } else {
        setAuthError(e.message);
        setAuth("needed");
      }
    }
  }, []);
  useEffect(() => { check(); }, [check]);

  const forget = () => { keyStore.clear(); setCatalogue(null); check(); };
  const onKey = (key) => { keyStore.set(key); check(); };

  let body;
  if (auth === "checking") body = html`<p role="status">Connecting…</p>`;
  else if (auth === "needed") body = html`<${KeyGate} onKey=${onKey} error=${authError} />`;
  else if (where.view === "session" && where.id) body = html`<${SessionView} id=${where.id} catalogue=${catalogue} />`;
  else if (where.view === "sessions") body = html`<${SessionList} />`;
  else if (where.view === "catalogue") body = html`<${Catalogue} catalogue=${catalogue} />`;
  else body = html`<${CreateForm} catalogue=${catalogue} />`;

  const current = (v) => (where.view === v || (v === "new" && !["sessions", "catalogue", "session"].includes(where.view)) ? "page" : undefined);
  return html`
    <header class="top">
      <a class="brand" href="#/new">onetake <span>studio</span></a>
      <nav aria-label="Studio">
        <a href="#/new" aria-current=${current("new")}>New video</a>
        <a href="#/sessions" aria-current=${current("sessions")}>Sessions</a>
        <a href="#/catalogue" aria-current=${current("catalogue")}>Catalogue</a>
      </nav>
      <div class="auth">
        ${auth === "open" && html`<span class="pill">Local, no key needed</span>`}
        ${auth === "key" && html`<span class="pill">API key kept for this tab only</span><button type="button" class="link" onClick=${forget}>Forget key</button>`}
      </div>
    </header>
    <main id="main" tabindex="-1">${body}</main>`;
}

render(html`<${App} />`, document.getElementById("studio"));
