// Rich text for editors. Without JavaScript it is a plain HTML textarea (the server sanitizes either
// way); with it, a small formatting toolbar over an editable area, with images uploaded to the section
// and inserted by address. The HTML source stays one click away.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";

type Props = { name: string; id: string; label: string; defaultValue: string; lang?: string; uploadUrl: string; invalid?: boolean; describedBy?: string };

export function RichText({ name, id, label, defaultValue, lang, uploadUrl, invalid, describedBy }: Props) {
  const { t } = useTranslation();
  const csrf = useRouteLoaderData<typeof rootLoader>("root")?.csrf ?? "";
  const [enhanced, setEnhanced] = useState(false);
  const [source, setSource] = useState(false);
  const [html, setHtml] = useState(defaultValue);
  const [status, setStatus] = useState<string | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (enhanced && !source && area.current && area.current.innerHTML !== html) area.current.innerHTML = html;
    // Only when switching modes: typing updates html from the area itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enhanced, source]);

  if (!enhanced || source)
    return (
      <>
        {enhanced ? (
          <button type="button" className="link-button" onClick={() => setSource(false)}>
            {t("items.editor.toolbar")}
          </button>
        ) : null}
        <textarea
          key={enhanced ? "controlled" : "plain"}
          id={id}
          name={name}
          rows={14}
          lang={lang}
          value={enhanced ? html : undefined}
          defaultValue={enhanced ? undefined : defaultValue}
          onChange={(e) => setHtml(e.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      </>
    );

  const run = (command: string, value?: string) => {
    area.current?.focus();
    document.execCommand(command, false, value);
    setHtml(area.current?.innerHTML ?? "");
  };
  const upload = async (file: File) => {
    setStatus(t("items.editor.uploading"));
    const body = new FormData();
    body.set("_csrf", csrf);
    body.set("image", file);
    const response = await fetch(uploadUrl, { method: "POST", body });
    const result = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
    if (response.ok && result.url) {
      run("insertImage", result.url);
      setStatus(null);
    } else setStatus(t("items.editor.uploadFailed", { reason: result.error ?? response.statusText }));
  };

  return (
    <div className="rich-text">
      <div role="toolbar" aria-label={t("items.editor.toolbar")} aria-controls={id} className="rich-toolbar">
        <button type="button" onClick={() => run("bold")}>
          <strong>{t("items.editor.bold")}</strong>
        </button>
        <button type="button" onClick={() => run("italic")}>
          <em>{t("items.editor.italic")}</em>
        </button>
        <button type="button" onClick={() => run("formatBlock", "h2")}>
          {t("items.editor.h2")}
        </button>
        <button type="button" onClick={() => run("formatBlock", "h3")}>
          {t("items.editor.h3")}
        </button>
        <button type="button" onClick={() => run("insertUnorderedList")}>
          {t("items.editor.ul")}
        </button>
        <button type="button" onClick={() => run("insertOrderedList")}>
          {t("items.editor.ol")}
        </button>
        <button
          type="button"
          onClick={() => {
            const href = window.prompt(t("items.editor.linkPrompt"), "https://");
            if (href) run("createLink", href);
          }}
        >
          {t("items.editor.link")}
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          {t("items.editor.image")}
        </button>
        <button type="button" onClick={() => setSource(true)}>
          {t("items.editor.source")}
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
            e.target.value = "";
          }}
        />
      </div>
      <div
        ref={area}
        id={id}
        className="rich-area"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        lang={lang}
        suppressContentEditableWarning
        onInput={() => setHtml(area.current?.innerHTML ?? "")}
      />
      <input type="hidden" name={name} value={html} />
      {status ? <p role="status">{status}</p> : null}
    </div>
  );
}
