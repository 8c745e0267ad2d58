import { html } from "./ui.js";

// Previews render on their first request (server side): images load lazily, media only when played.
export function Catalogue({ catalogue }) {
  if (!catalogue) return html`<p role="status">Loading the catalogue…</p>`;
  const { avatars, voices, styles } = catalogue;
  return html`
    <section aria-labelledby="catalogue-title">
      <h1 id="catalogue-title">Catalogue</h1>
      <section class="panel" aria-labelledby="presenters-title">
        <h2 id="presenters-title">Presenters (${avatars.length})</h2>
        <ul class="grid">
          ${avatars.map((a) => html`<li class="tile"><img src=${a.preview_image_url} alt=${`${a.name}`} loading="lazy" width="160" height="160" />
            <span>${a.name}</span><code>${a.id}</code></li>`)}
        </ul>
      </section>
      <section class="panel" aria-labelledby="voices-title">
        <h2 id="voices-title">Voices (${voices.length})</h2>
        <ul class="list voices">
          ${voices.map((v) => html`<li><span><strong>${v.name}</strong> <span class="muted">${v.language} · ${v.gender}</span> <code>${v.voice_id}</code></span>
            <audio controls preload="none" src=${v.preview_audio_url} aria-label=${`Sample of ${v.name}`}></audio></li>`)}
        </ul>
      </section>
      <section class="panel" aria-labelledby="styles-title">
        <h2 id="styles-title">Styles (${styles.length})</h2>
        <ul class="grid wide">
          ${styles.map((s) => html`<li class="tile"><video controls preload="none" poster=${s.thumbnail_url} src=${s.preview_video_url}
              aria-label=${`Preview of the ${s.name} style`} width="256" height="144"></video>
            <span>${s.name}</span><span class="muted">${s.tags.join(", ")}</span></li>`)}
        </ul>
      </section>
    </section>`;
}
