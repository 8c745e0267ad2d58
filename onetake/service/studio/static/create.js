import { html, useState } from "./ui.js";
import { post, upload } from "./api.js";

const ACCEPT = ".png,.jpg,.jpeg,.mp4,.webm,.mp3,.wav,.pdf,.srt,image/png,image/jpeg,video/mp4,video/webm,audio/mpeg,audio/wav,application/pdf";
const FIELDS = ["prompt", "files", "orientation", "duration", "size", "avatar_id", "voice_id", "style_id"];

// The API's error names the field (`param`); it is shown beside that control. `files[0].asset_id` -> files.
function fieldOf(param) {
  const name = (param || "").replace(/^body\./, "").split(/[.[]/)[0];
  if (["width", "height"].includes(name)) return "size";
  return FIELDS.includes(name) ? name : null;
}

function Err({ id, text }) {
  return text ? html`<p id=${id} class="error" role="alert">${text}</p>` : null;
}

export function CreateForm({ catalogue }) {
  const [form, setForm] = useState({ prompt: "", orientation: "", duration: "", size: "standard", avatar_id: "", voice_id: "", style_id: "", review: true });
  const [files, setFiles] = useState([]); // {key, name, state: uploading|done|failed, asset_id?, error?}
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const set = (name) => (e) => {
    setForm({ ...form, [name]: e.target.type === "checkbox" ? e.target.checked : e.target.value });
    if (errors[name] || errors.form) setErrors({ ...errors, [name]: null, form: null }); // the error was about the old value
  };

  const add = async (list) => {
    setErrors((old) => ({ ...old, files: null }));
    for (const file of list) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      setFiles((old) => [...old, { key, name: file.name, state: "uploading" }]);
      try {
        const { data } = await upload(file);
        setFiles((old) => old.map((f) => (f.key === key ? { ...f, state: "done", asset_id: data.asset_id } : f)));
      } catch (e) {
        setFiles((old) => old.filter((f) => f.key !== key));
        setErrors((old) => ({ ...old, files: `${file.name}: ${e.message}` }));
      }
    }
  };

  const submit = async (e) => {
    e.preventDefault();
    setErrors({});
    if (files.some((f) => f.state === "uploading")) return setErrors({ files: "files: wait for the uploads to finish" });
    const body = { prompt: form.prompt, mode: form.review ? "chat" : "generate" };
    for (const k of ["orientation", "avatar_id", "voice_id", "style_id"]) if (form[k]) body[k] = form[k];
    if (form.duration !== "") body.duration = Number(form.duration);
    if (form.size === "draft") Object.assign(body, form.orientation === "portrait" ? { width: 180, height: 320 } : { width: 320, height: 180 });
    const done = files.filter((f) => f.state === "done");
    if (done.length) body.files = done.map((f) => ({ type: "asset_id", asset_id: f.asset_id }));
    setBusy(true);
    try {
      const { data } = await post("/v3/video-agents", body);
      location.hash = `#/session/${encodeURIComponent(data.session_id)}`;
    } catch (err) {
      const field = fieldOf(err.param);
      setErrors(field ? { [field]: err.message } : { form: err.message });
    } finally {
      setBusy(false);
    }
  };

  const c = catalogue || { avatars: [], voices: [], styles: [] };
  const avatar = c.avatars.find((a) => a.id === form.avatar_id);
  const voice = c.voices.find((v) => v.voice_id === form.voice_id);
  const style = c.styles.find((s) => s.style_id === form.style_id);
  const described = (name, hint) => [hint, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return html`
    <form class="panel create" onSubmit=${submit} noValidate aria-labelledby="create-title">
      <h1 id="create-title">Make a video</h1>
      <div class="field">
        <label for="prompt">What is the video about?</label>
        <textarea id="prompt" rows="5" maxlength="10000" required value=${form.prompt} onInput=${set("prompt")}
          placeholder="A 20-second video introducing Bloom Yoga, a neighbourhood studio. Book at bloomyoga.studio"
          aria-invalid=${errors.prompt ? "true" : undefined} aria-describedby=${described("prompt")}></textarea>
        <${Err} id="prompt-error" text=${errors.prompt} />
      </div>

      <div class=${`field drop${dragging ? " dragging" : ""}`}
        onDragOver=${(e) => { e.preventDefault(); setDragging(true); }} onDragLeave=${() => setDragging(false)}
        onDrop=${(e) => { e.preventDefault(); setDragging(false); add([...e.dataTransfer.files]); }}>
        <label for="files">Files</label>
        <p id="files-hint" class="hint">Drop files here or choose them: PNG, JPEG, MP4, WebM, MP3, WAV, PDF or SRT; up to 20, each within the server's size limit (32 MB unless set otherwise).</p>
        <input id="files" type="file" multiple accept=${ACCEPT} onChange=${(e) => { add([...e.target.files]); e.target.value = ""; }}
          aria-invalid=${errors.files ? "true" : undefined} aria-describedby=${described("files", "files-hint")} />
        <${Err} id="files-error" text=${errors.files} />
        ${files.length > 0 && html`<ul class="chips" aria-label="Attached files">
          ${files.map((f) => html`<li key=${f.key}>
            <span>${f.name}</span> <span class="muted">${f.state === "uploading" ? "uploading…" : "uploaded"}</span>
            <button type="button" class="link" aria-label=${`Remove ${f.name}`} onClick=${() => setFiles(files.filter((x) => x.key !== f.key))}>Remove</button>
          </li>`)}
        </ul>`}
      </div>

      <div class="row">
        <div class="field">
          <label for="orientation">Orientation</label>
          <select id="orientation" value=${form.orientation} onChange=${set("orientation")} aria-describedby=${described("orientation")}>
            <option value="">Automatic</option><option value="landscape">Landscape (16:9)</option><option value="portrait">Portrait (9:16)</option>
          </select>
          <${Err} id="orientation-error" text=${errors.orientation} />
        </div>
        <div class="field">
          <label for="duration">Duration in seconds</label>
          <input id="duration" type="number" min="5" max="300" step="1" inputmode="numeric" placeholder="automatic" value=${form.duration}
            onInput=${set("duration")} aria-invalid=${errors.duration ? "true" : undefined} aria-describedby=${described("duration", "duration-hint")} />
          <p id="duration-hint" class="hint">5 to 300; empty lets the agent decide.</p>
          <${Err} id="duration-error" text=${errors.duration} />
        </div>
        <div class="field">
          <label for="size">Size</label>
          <select id="size" value=${form.size} onChange=${set("size")} aria-describedby=${described("size")}>
            <option value="standard">Standard (720p)</option><option value="draft">Quick draft (320 px, renders in seconds)</option>
          </select>
          <${Err} id="size-error" text=${errors.size} />
        </div>
      </div>

      <div class="row pickers">
        <div class="field">
          <label for="avatar_id">Presenter</label>
          <select id="avatar_id" value=${form.avatar_id} onChange=${set("avatar_id")} aria-describedby=${described("avatar_id")}>
            <option value="">Chosen by the agent</option>
            ${c.avatars.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
          </select>
          <${Err} id="avatar_id-error" text=${errors.avatar_id} />
          ${avatar && html`<img class="preview" src=${avatar.preview_image_url} alt=${`Preview of ${avatar.name}`} width="120" height="120" />`}
        </div>
        <div class="field">
          <label for="voice_id">Voice</label>
          <select id="voice_id" value=${form.voice_id} onChange=${set("voice_id")} aria-describedby=${described("voice_id")}>
            <option value="">Chosen by the agent</option>
            ${c.voices.map((v) => html`<option value=${v.voice_id}>${v.name} (${v.language}, ${v.gender})</option>`)}
          </select>
          <${Err} id="voice_id-error" text=${errors.voice_id} />
          ${voice && html`<audio key=${voice.voice_id} controls preload="none" src=${voice.preview_audio_url} aria-label=${`Sample of ${voice.name}`}></audio>`}
        </div>
        <div class="field">
          <label for="style_id">Style</label>
          <select id="style_id" value=${form.style_id} onChange=${set("style_id")} aria-describedby=${described("style_id")}>
            <option value="">Chosen by the agent</option>
            ${c.styles.map((s) => html`<option value=${s.style_id}>${s.name}</option>`)}
          </select>
          <${Err} id="style_id-error" text=${errors.style_id} />
          ${style && html`<img class="preview wide" src=${style.thumbnail_url} alt=${`Preview of the ${style.name} style`} width="192" height="108" />`}
        </div>
      </div>

      <div class="field check">
        <input id="review" type="checkbox" checked=${form.review} onChange=${set("review")} />
        <label for="review">Show me the storyboard to review before rendering</label>
      </div>
      <${Err} id="form-error" text=${errors.form} />
      <button type="submit" disabled=${busy}>${busy ? "Creating…" : "Create video"}</button>
    </form>`;
}
