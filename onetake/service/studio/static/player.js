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

// Each video of the session and what changed: the agent's "Rendering ..." message just before it.
export function Revisions({ videos, messages, current, onShow }) {
  const renders = messages.filter((m) => m.role === "model" && m.content.startsWith("Rendering "));
  const ordered = [...videos].sort((a, b) => a.created_at - b.created_at);
  return html`
    <section class="panel revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revision history</h2>
      <ol>
        ${ordered.map((v, i) => {
          const said = renders.filter((m) => m.created_at <= v.created_at + 1).pop();
          const changed = said && said.content.includes(" Changed: ") ? said.content.split(" Changed: ")[1] : i === 0 ? "first version" : "re-rendered";
          return html`<li class=${v.id === current ? "current" : ""}>
            <strong>Version ${i + 1}</strong> <span class="muted">${v.status}${v.duration ? ` · ${seconds(v.duration)}` : ""} · ${when(v.created_at)}</span>
            <p class="changed">${changed}</p>
            ${v.status === "completed" && v.id !== current && html`<button type="button" class="link" onClick=${() => onShow(v.id)}>Watch version ${i + 1}</button>`}
            ${v.status === "failed" && html`<p class="error">${v.failure_message}</p>`}
          </li>`;
        })}
      </ol>
    </section>`;
}
