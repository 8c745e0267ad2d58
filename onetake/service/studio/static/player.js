import { html, useState, useEffect } from "./ui.js";
import { fetchText } from "./api.js";
import { when, seconds } from "./ui.js";

// Browsers play captions only as WebVTT; the API gives SRT: converted here into a blob: URL.
export function srtToVtt(srt) {
  const body = srt.replace(/\r/g, "").replace(/(\d\d:\d\d:\d\d),(\d\d\d)/g, "$1.$2");
  return `WEBVTT\n\n${body}`;
}

export function Player({ video }) {
  const [captions, setCaptions] = useState(null);
  useEffect(() => {
    let url = null, live = true;
    setCaptions(null);
    if (video.subtitle_url) {
      fetchText(video.subtitle_url).then((srt) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([srtToVtt(srt)], { type: "text/vtt" }));
        setCaptions(url);
      }).catch(() => {});
    }
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [video.id]);

  const links = [["video_url", "Video (MP4)"], ["subtitle_url", "Captions (SRT)"], ["thumbnail_url", "Thumbnail"], ["gif_url", "GIF preview"]]
    .filter(([k]) => video[k]);
  return html`
    <section class="panel player" aria-labelledby="player-title">
      <h2 id="player-title">${video.title || "Your video"} <span class="muted">${seconds(video.duration)}</span></h2>
      <video key=${video.id} controls playsinline preload="metadata" poster=${video.thumbnail_url || undefined} src=${video.video_url} aria-label=${`Video: ${video.title || video.id}`}>
        ${captions && html`<track kind="captions" srclang="en" label="Captions" src=${captions} />`}
      </video>
      <ul class="downloads" aria-label="Downloads">
        ${links.map(([k, label]) => html`<li><a href=${video[k]} download>${label}</a></li>`)}
      </ul>
    </section>`;
}

// What the agent says it changed in a message: "... Changed: a; b. Reply to approve it ..." -> "a; b".
export function changesIn(text) {
  const at = text.indexOf(" Changed: ");
  if (at < 0) return null;
  return text.slice(at + 10).split(/\. (?:Not changed: |Reply to approve)/)[0].replace(/\.+$/, "");
}

// Each video of the session and what changed since the one before: every change the agent reported
// after the previous video was made (edits in review, then the follow-up that rendered it).
export function Revisions({ videos, messages, current, onShow }) {
  const ordered = [...videos].sort((a, b) => a.created_at - b.created_at);
  const changed = ordered.map((v, i) => {
    const after = i ? ordered[i - 1].created_at : -Infinity;
    const said = messages.filter((m) => m.role === "model" && m.created_at > after && m.created_at <= v.created_at).map((m) => changesIn(m.content)).filter(Boolean);
    return said.length ? said.join("; ") : i === 0 ? "first version, as planned" : "re-rendered, nothing changed";
  });
  return html`
    <section class="panel revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revision history</h2>
      <ol>
        ${ordered.map((v, i) => {
          return html`<li class=${v.id === current ? "current" : ""}>
            <strong>Version ${i + 1}</strong> <span class="muted">${v.status}${v.duration ? ` · ${seconds(v.duration)}` : ""} · ${when(v.created_at)}</span>
            <p class="changed">${i === 0 && changed[i] !== "first version, as planned" ? `first version; in review: ${changed[i]}` : changed[i]}</p>
            ${v.status === "completed" && v.id !== current && html`<button type="button" class="link" onClick=${() => onShow(v.id)}>Watch version ${i + 1}</button>`}
            ${v.status === "failed" && html`<p class="error">${v.failure_message}</p>`}
          </li>`;
        })}
      </ol>
    </section>`;
}
