// Translation outside React (mail, server messages): a dotted key in the "common" namespace, with the
// Vietnamese text as the fallback and {{name}} placeholders filled in.
import { resources, type Language } from "./index.ts";

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function translate(lang: Language, key: string, vars: Record<string, string | number> = {}): string {
  const text = lookup(resources[lang].common, key) ?? lookup(resources.vi.common, key) ?? key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{{${name}}}`));
}
