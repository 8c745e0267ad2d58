import { html, useState } from "./ui.js";

// Beyond loopback the server refuses requests without a key: ask for one. The value lives in this
// component only until submitted, then in sessionStorage; it is never put back into the page.
export function KeyGate({ onKey, error }) {
  const [value, setValue] = useState("");
  const submit = (e) => {
    e.preventDefault();
    const key = value.trim();
    setValue("");
    if (key) onKey(key);
  };
  return html`
    <section class="panel narrow" aria-labelledby="key-title">
      <h1 id="key-title">Sign in with an API key</h1>
      <p>This server needs an API key (create one with <code>onetake keys create</code>). It is kept in this tab only and forgotten when the tab closes.</p>
      <form onSubmit=${submit}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autocomplete="off" spellcheck=${false} value=${value} onInput=${(e) => setValue(e.target.value)}
          aria-describedby=${error ? "api-key-error" : undefined} aria-invalid=${error ? "true" : undefined} required />
        ${error && html`<p id="api-key-error" class="error" role="alert">${error}</p>`}
        <button type="submit">Use this key</button>
      </form>
    </section>`;
}
