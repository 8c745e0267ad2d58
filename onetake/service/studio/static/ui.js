// Shared bits: the vendored Preact + htm module, and small helpers.
export { html, render, useState, useEffect, useRef, useCallback, useMemo } from "../vendor/htm/preact/standalone.module.js";

export const when = (ts) => (ts ? new Date(ts * 1000).toLocaleString() : "");
export const seconds = (s) => (s == null ? "" : `${Math.round(s * 10) / 10} s`);
