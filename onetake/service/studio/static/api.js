// The page's only way to the server: the public API, with the tab's own key (sessionStorage only:
// never localStorage or a cookie, so it leaves with the tab and no other page or tab can send it).
const KEY = "onetake.apiKey";
const root = document.getElementById("studio").dataset.root || "";

export const keyStore = {
  get: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, code, message, param) {
    super(message);
    Object.assign(this, { status, code, param });
  }
}

function headers() {
  const key = keyStore.get();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

async function answer(res) {
  let payload = null;
  try { payload = await res.json(); } catch { /* an empty or non-JSON body */ }
  if (!res.ok) {
    const e = (payload && payload.error) || {};
    throw new ApiError(res.status, e.code || `http_${res.status}`, e.message || res.statusText || "request failed", e.param || null);
  }
  return payload;
}

export async function get(path) {
  return answer(await fetch(root + path, { headers: headers(), credentials: "omit", cache: "no-store" }));
}

export async function post(path, body) {
  return answer(await fetch(root + path, {
    method: "POST", headers: { ...headers(), "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "omit",
  }));
}

export async function upload(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  return answer(await fetch(root + "/v3/assets", { method: "POST", headers: headers(), body: form, credentials: "omit" }));
}

// Signed file URLs need no key (they are presigned links).
export async function fetchText(url) {
  const res = await fetch(url, { credentials: "omit", cache: "no-store" });
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, `could not load ${url}`);
  return res.text();
}

export async function all(path) {
  const out = [];
  let token = null;
  for (let i = 0; i < 20; i++) { // bounded: 20 pages of 100
    const page = await get(`${path}${path.includes("?") ? "&" : "?"}limit=100${token ? `&token=${encodeURIComponent(token)}` : ""}`);
    out.push(...page.data);
    if (!page.has_more) break;
    token = page.next_token;
  }
  return out;
}
