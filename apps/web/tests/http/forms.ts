// The forms of a rendered page as a browser would submit them: each form's action, method, enctype and
// successful controls (inputs with their value, checked boxes and radios, textareas, selected options,
// hidden fields such as the CSRF token). Lets tests resubmit a page's form exactly as it was served.
import { Parser } from "htmlparser2";
import type { Client } from "./client.ts";

export type Control = { name: string; type: string; value: string; checked: boolean; options?: string[] };
export type PageForm = { action: string; method: string; enctype: string; controls: Control[] };

export function readForms(html: string): PageForm[] {
  const forms: PageForm[] = [];
  let form: PageForm | null = null;
  let textarea: Control | null = null;
  let select: (Control & { selectedSeen: boolean }) | null = null;
  let option: { value: string | null; selected: boolean; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === "form") {
          form = { action: attrs.action ?? "", method: (attrs.method ?? "get").toLowerCase(), enctype: attrs.enctype ?? "application/x-www-form-urlencoded", controls: [] };
          forms.push(form);
          return;
        }
        if (!form || attrs.name === undefined || "disabled" in attrs) {
          if (tag === "option" && select) option = { value: attrs.value ?? null, selected: "selected" in attrs, text: "" };
          return;
        }
        if (tag === "button") {
          // A named submit button is part of what a click sends (e.g. intent=publish).
          if ((attrs.type ?? "submit").toLowerCase() === "submit") form.controls.push({ name: attrs.name, type: "submit", value: attrs.value ?? "", checked: false });
          return;
        }
        if (tag === "input") {
          const type = (attrs.type ?? "text").toLowerCase();
          if (type === "submit" || type === "image") {
            form.controls.push({ name: attrs.name, type: "submit", value: attrs.value ?? "", checked: false });
            return;
          }
          if (type === "button" || type === "reset") return;
          form.controls.push({ name: attrs.name, type, value: attrs.value ?? (type === "checkbox" || type === "radio" ? "on" : ""), checked: "checked" in attrs });
        } else if (tag === "textarea") {
          textarea = { name: attrs.name, type: "textarea", value: "", checked: false };
          form.controls.push(textarea);
        } else if (tag === "select") {
          select = { name: attrs.name, type: "multiple" in attrs ? "select-multiple" : "select", value: "", checked: false, options: [], selectedSeen: false };
          form.controls.push(select);
        }
      },
      ontext(text) {
        if (textarea) textarea.value += text;
        if (option) option.text += text;
      },
      onclosetag(tag) {
        if (tag === "form") form = null;
        if (tag === "textarea") {
          // A browser drops the one line break that may follow <textarea>.
          if (textarea) textarea.value = textarea.value.replace(/^\r?\n/, "");
          textarea = null;
        }
        if (tag === "option" && option && select) {
          const value = option.value ?? option.text.trim();
          select.options!.push(value);
          if (option.selected) {
            select.value = select.type === "select-multiple" && select.selectedSeen ? `${select.value}\n${value}` : value;
            select.selectedSeen = true;
          }
          option = null;
        }
        if (tag === "select" && select) {
          if (!select.selectedSeen && select.type === "select" && select.options!.length > 0) select.value = select.options![0]!;
          select = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return forms;
}

/**
 * The name/value pairs the form submits as served, without any button (add the pressed one's name and
 * value, as a click would).
 */
export function successfulControls(form: PageForm): [string, string][] {
  const pairs: [string, string][] = [];
  for (const c of form.controls) {
    if ((c.type === "checkbox" || c.type === "radio") && !c.checked) continue;
    if (c.type === "file" || c.type === "submit") continue;
    if (c.type === "select-multiple") {
      for (const v of c.value.split("\n").filter(Boolean)) pairs.push([c.name, v]);
      continue;
    }
    pairs.push([c.name, c.value]);
  }
  return pairs;
}

/** The first POST form on the page whose controls include `name`. */
export function formWith(html: string, name: string): PageForm {
  const found = readForms(html).find((f) => f.method === "post" && f.controls.some((c) => c.name === name));
  if (!found) throw new Error(`no POST form with a control named ${name}`);
  return found;
}

/**
 * Writes an article in a section and publishes it through the editor's own forms, as a signed-in client
 * whose agency updates that section; returns the item's admin path.
 */
export async function publishArticle(client: Client, section: string, title: string): Promise<string> {
  const post = async (path: string, form: PageForm, values: Record<string, string>, pressed?: string) => {
    const body = new URLSearchParams();
    for (const [name, value] of successfulControls(form)) body.append(name, name in values ? values[name]! : value);
    for (const [name, value] of Object.entries(values)) if (!body.has(name)) body.append(name, value);
    if (pressed) {
      const button = form.controls.find((c) => c.type === "submit" && c.value === pressed);
      if (!button) throw new Error(`no "${pressed}" button`);
      body.append(button.name, button.value);
    }
    return client.request("POST", form.action || path, { body, headers: { origin: `http://${client.host}` } });
  };
  const newPath = `/admin/sections/${section}/new?kind=article`;
  const fields = { "translations.vi.title": title, "translations.vi.summary": `${title}.`, "translations.vi.body": `<p>${title}</p>` };
  const created = await post(newPath, formWith((await client.get(newPath)).text, "translations.vi.title"), fields);
  const location = String(created.headers.location ?? "");
  if (created.status !== 302 || !location.includes("/items/")) throw new Error(`creating "${title}" failed: ${created.status} ${created.text.slice(0, 200)}`);
  const itemPath = location.split("?")[0]!;
  const workflow = readForms((await client.get(itemPath)).text).find((f) => f.method === "post" && f.controls.some((c) => c.type === "submit" && c.value === "publish"));
  if (!workflow) throw new Error(`no publish button on ${itemPath}`);
  const published = await post(itemPath, workflow, {}, "publish");
  if (published.status !== 302) throw new Error(`publishing "${title}" failed: ${published.status} ${published.text.slice(0, 200)}`);
  return itemPath;
}
