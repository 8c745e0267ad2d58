import { html, useState, useEffect } from "./ui.js";
import { seconds } from "./ui.js";

// Each scene's still, cropped from the draft's one contact sheet (its tiles are in the resource's metadata).
function Thumb({ sheet, tile, size, label }) {
  if (!sheet || !tile || !size) return null;
  const [x, y, w, h] = tile;
  const scale = 100 / w; // percent of the card's thumbnail width per sheet pixel
  const style = {
    backgroundImage: `url("${sheet}")`, aspectRatio: `${w} / ${h}`,
    backgroundSize: `${size[0] * scale}% auto`, backgroundPosition: `${size[0] > w ? (x / (size[0] - w)) * 100 : 0}% ${size[1] > h ? (y / (size[1] - h)) * 100 : 0}%`,
  };
  return html`<div class="thumb" role="img" aria-label=${label} style=${style}></div>`;
}

const quote = (text) => `"${text.replace(/"/g, "'").trim()}"`;

// Direct edits become the chat messages the agent reads (the public API revises only by message).
export function editsToMessage(scenes, edited) {
  const lines = [];
  scenes.forEach((scene, i) => {
    const e = edited[i] || {};
    if (e.narration != null && e.narration.trim() && e.narration.trim() !== scene.narration.trim()) lines.push(`Change scene ${i + 1} to say ${quote(e.narration)}`);
    if (e.on_screen_text != null && scene.on_screen_text && e.on_screen_text.trim() && e.on_screen_text.trim() !== scene.on_screen_text.trim())
      lines.push(`Replace ${quote(scene.on_screen_text)} with ${quote(e.on_screen_text)}`);
  });
  return lines.join("\n");
}

export function Storyboard({ draft, busy, onSend }) {
  const { resource, board } = draft;
  const meta = resource.metadata || {};
  const [edited, setEdited] = useState({});
  useEffect(() => setEdited({}), [resource.resource_id]);
  const change = (i, field) => (e) => setEdited({ ...edited, [i]: { ...(edited[i] || {}), [field]: e.target.value } });
  const message = editsToMessage(board.scenes, edited);

  return html`
    <section class="panel review" aria-labelledby="review-title">
      <h2 id="review-title">Storyboard: ${board.title}</h2>
      <p class="muted">Draft ${(meta.revision ?? 0) + 1} · ${board.scenes.length} scenes · ${seconds(board.target_duration)} · ${board.orientation}</p>
      <ol class="cards">
        ${board.scenes.map((scene, i) => html`
          <li class="card" key=${`${resource.resource_id}-${i}`}>
            <${Thumb} sheet=${resource.preview_url} tile=${(meta.sheet_tiles || [])[i]} size=${meta.sheet_size} label=${`Scene ${i + 1} still`} />
            <h3>Scene ${i + 1} <span class="muted">${scene.role} · layout: ${scene.layout} · ${seconds(scene.duration_budget)}</span></h3>
            <label for=${`narration-${i}`}>Scene ${i + 1} narration</label>
            <textarea id=${`narration-${i}`} rows="3" value=${(edited[i] || {}).narration ?? scene.narration} onInput=${change(i, "narration")}></textarea>
            <label for=${`onscreen-${i}`}>Scene ${i + 1} on-screen text</label>
            <input id=${`onscreen-${i}`} type="text" value=${(edited[i] || {}).on_screen_text ?? scene.on_screen_text}
              readonly=${!scene.on_screen_text} placeholder=${scene.on_screen_text ? "" : "none in this layout"} onInput=${change(i, "on_screen_text")} />
          </li>`)}
      </ol>
      <div class="actions">
        <button type="button" disabled=${busy || !message} onClick=${() => onSend(message)}>Apply my edits</button>
        <button type="button" class="primary" disabled=${busy} onClick=${() => onSend("Looks good, go ahead")}>Approve and render</button>
      </div>
      ${resource.preview_url && html`<details><summary>The whole contact sheet</summary><img class="sheet" src=${resource.preview_url} alt="Contact sheet of every scene" loading="lazy" /></details>`}
    </section>`;
}
