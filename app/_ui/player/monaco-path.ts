/**
 * Where the browser loads Monaco from: our own server (app/vendor/monaco/[...path]/route.ts serves
 * node_modules/monaco-editor/min), never a CDN — Praxis must work offline and on closed networks, and the
 * loader's default (jsdelivr) would both leak learners' traffic and break there.
 */
export const MONACO_VS_PATH = "/vendor/monaco/vs";

/** The model URI of a host file; the host is the authority, so two hosts' /etc/hosts stay apart. */
export const modelPath = (host: string, path: string) => `praxis://${host}${path}`;
