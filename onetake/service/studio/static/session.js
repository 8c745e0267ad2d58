import { html, useState, useEffect, useRef } from "./ui.js";
import { get, post } from "./api.js";
import { when } from "./ui.js";
import { Storyboard } from "./storyboard.js";
import { Player, Revisions } from "./player.js";

const STAGES = [["thinking", "Planning"], ["reviewing", "Storyboard review"], ["generating", "Rendering"], ["completed", "Done"]];
const BUSY = ["thinking", "generating"];

// The render's own stages, by the share of progress each takes (service/progress.py's weights).
function renderStage(progress) {
  if (progress < 5) return "planning";
  if (progress < 20) return "speech";
  if (progress < 25) return "timeline";
  if (progress < 95) return "rendering frames";
  return "writing outputs";
}

// A question's choices carry preview links (signed URLs): shown as links, not as long raw addresses.
function linked(text) {
  return text.split(/(https?:\/\/[^\s)]+)/).map((part, i) => (i % 2 ? html`<a href=${part} target="_blank" rel="noopener noreferrer">preview</a>` : part));
}

export function SessionView({ id }) {
  const [session, setSession] = useState(null);
  const [videos, setVideos] = useState([]);
  const [draft, setDraft] = useState(null); // {resource, board}
  const [error, setError] = useState(null);
  const [sending, setSending] = useState(false);
  const [shown, setShown] = useState(null); // the video id in the player
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState(null);
  const log = useRef(null);
  const [epoch, setEpoch] = useState(0); // bumped by a sent message: polling starts again

  // Poll while the agent works (a bounded interval; the page stops when the session settles).
  useEffect(() => {
    let live = true, timer = null, last = null;
    const load = async () => {
      try {
        const { data } = await get(`/v3/video-agents/${encodeURIComponent(id)}`);
        if (!live) return;
        setSession(data);
        setError(null);
        const signature = `${data.status}:${data.messages.length}:${data.video_id}`;
        if (signature !== last || BUSY.includes(data.status)) {
          last = signature;
          const list = await get(`/v3/video-agents/${encodeURIComponent(id)}/videos`);
          if (live) setVideos(list.data);
          const resource = data.messages.find((m) => m.type === "resource" && m.resource_ids.length);
          if (resource) {
            const rid = resource.resource_ids[0];
            setDraft((old) => (old && old.resource.resource_id === rid ? old : null));
            const { data: res } = await get(`/v3/video-agents/${encodeURIComponent(id)}/resources/${encodeURIComponent(rid)}`);
            const board = await (await fetch(res.url, { credentials: "omit" })).json();
            if (live) setDraft((old) => (old && old.resource.resource_id === rid ? old : { resource: res, board }));
          }
        }
        if (BUSY.includes(data.status)) timer = setTimeout(load, 700);
      } catch (e) {
        if (live) { setError(e.message); timer = setTimeout(load, 2000); }
      }
    };
    load();
    return () => { live = false; clearTimeout(timer); };
  }, [id, epoch]);

  const send = async (text) => {
    setMessageError(null);
    setSending(true);
    try {
      await post(`/v3/video-agents/${encodeURIComponent(id)}`, { message: text });
      setMessage("");
      setShown(null);
      setSession((s) => ({ ...s, status: "thinking" }));
      setEpoch((n) => n + 1);
    } catch (e) {
      setMessageError(e.message);
    } finally {
      setSending(false);
    }
  };

  const count = session ? session.messages.length : 0;
  useEffect(() => { if (log.current) log.current.scrollTop = log.current.scrollHeight; }, [count]); // the newest message in view

  if (error && !session) return html`<p class="error" role="alert">${error}</p>`;
  if (!session) return html`<p role="status">Loading the session…</p>`;

  const status = session.status;
  const done = videos.filter((v) => v.status === "completed");
  const current = (shown && done.find((v) => v.id === shown)) || done[done.length - 1];
  const rendering = videos.find((v) => v.status === "pending" || v.status === "processing");
  const chat = [...session.messages].reverse();
  const stageIndex = STAGES.findIndex(([s]) => s === (status === "waiting_for_input" ? "thinking" : status));
  const reviewed = session.messages.some((m) => m.type === "resource"); // generate mode renders without a review
  const stop = async () => {
    try { await post(`/v3/video-agents/${encodeURIComponent(id)}/stop`, {}); setEpoch((n) => n + 1); } catch (e) { setMessageError(e.message); }
  };

  return html`
    <section class="session" aria-labelledby="session-title">
      <h1 id="session-title">${session.title || "New video"}</h1>
      <p class="muted">Session ${session.session_id} · started ${when(session.created_at)}</p>

      <ol class="stages" aria-label="Progress by stage">
        ${STAGES.map(([s, label], i) => {
          const skipped = s === "reviewing" && !reviewed && stageIndex > i;
          return html`<li class=${skipped ? "skipped" : i < stageIndex || status === "completed" ? "done" : i === stageIndex ? "now" : ""}
            aria-current=${i === stageIndex && status !== "completed" ? "step" : undefined}>${label}${skipped ? " (skipped)" : ""}</li>`;
        })}
      </ol>
      <div class="progress" role="status" aria-live="polite">
        ${status === "failed" ? html`<p class="error">Failed: ${session.failure_message || "see the messages below"}</p>`
          : status === "generating" ? html`<label for="render-progress">Rendering: ${session.progress}% (${renderStage(session.progress)})</label>
              <progress id="render-progress" max="100" value=${session.progress}>${session.progress}%</progress>`
          : status === "thinking" ? html`<p>The agent is thinking…</p>`
          : status === "reviewing" ? html`<p>The storyboard is ready for review.</p>`
          : status === "waiting_for_input" ? html`<p>The agent has a question for you (below).</p>`
          : html`<p>Done: ${done.length} ${done.length === 1 ? "video" : "versions"}.</p>`}
        ${BUSY.includes(status) && html`<button type="button" onClick=${stop}>Stop</button>`}
      </div>

      ${current && html`<${Player} video=${current} />`}

      ${status === "reviewing" && draft && html`<${Storyboard} draft=${draft} busy=${sending} onSend=${send} />`}

      <section class="panel chat" aria-labelledby="chat-title">
        <h2 id="chat-title">Conversation</h2>
        <ol class="messages" ref=${log} tabindex="0" aria-label="Messages, oldest first">
          ${chat.map((m) => html`<li class=${`msg ${m.role} ${m.type}`}><span class="who">${m.role === "user" ? "You" : "Agent"}</span> ${linked(m.content)}</li>`)}
        </ol>
        ${!BUSY.includes(status) && status !== "failed" && html`
          <form class="say" onSubmit=${(e) => { e.preventDefault(); if (message.trim()) send(message.trim()); }}>
            <label for="message">${status === "completed" ? "Ask for a change (makes a new version)" : status === "waiting_for_input" ? "Your answer" : "Tell the agent what to change"}</label>
            <textarea id="message" rows="2" maxlength="10000" value=${message} onInput=${(e) => setMessage(e.target.value)}
              placeholder=${status === "completed" ? "Make it 8 seconds, or change scene 2 to say \"…\"" : "Make the ending say \"Book today\""}
              aria-describedby=${messageError ? "message-error" : undefined}></textarea>
            ${messageError && html`<p id="message-error" class="error" role="alert">${messageError}</p>`}
            <button type="submit" disabled=${sending}>Send</button>
          </form>`}
      </section>

      ${videos.length > 0 && html`<${Revisions} videos=${videos} messages=${chat} current=${current && current.id} onShow=${setShown} />`}
      ${rendering && status !== "generating" && html`<p class="muted">Rendering ${rendering.id}…</p>`}
    </section>`;
}
