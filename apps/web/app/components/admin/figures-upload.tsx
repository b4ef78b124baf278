// The figures import's upload form. Without JavaScript it is a plain multipart form. With it, the file
// goes up through XMLHttpRequest so an accessible progress bar can show how much has been sent (a large
// XLSX on a district's line takes a while); then the answer is followed as the browser would have: a
// redirect (success) is navigated to, a refusal's report is lifted out of the returned page and shown.
import { useNavigate } from "@remix-run/react";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/form/csrf-input";

type Upload = { percent: number; stage: "sending" | "processing" | "failed" } | null;

export function FiguresUpload({ action, report }: { action: string; report: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [enhanced, setEnhanced] = useState(false);
  const [upload, setUpload] = useState<Upload>(null);
  const [returned, setReturned] = useState<string | null>(null);
  useEffect(() => setEnhanced(true), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    if (!enhanced || typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    const xhr = new XMLHttpRequest();
    xhr.open("POST", action);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setUpload({ percent: Math.floor((e.loaded / e.total) * 100), stage: "sending" });
    };
    xhr.upload.onload = () => setUpload({ percent: 100, stage: "processing" });
    xhr.onerror = () => setUpload({ percent: 0, stage: "failed" });
    xhr.onload = () => {
      const landed = new URL(xhr.responseURL || action, window.location.href);
      // A success redirects (the request followed it); its page is fetched again through the router.
      if (xhr.status === 200 && landed.searchParams.has("done")) {
        setUpload(null);
        navigate(`${landed.pathname}${landed.search}`);
        return;
      }
      const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      const found = page.querySelector("[data-import-report]");
      if (found) {
        setUpload(null);
        setReturned(found.innerHTML);
      } else setUpload({ percent: 0, stage: "failed" });
    };
    setReturned(null);
    setUpload({ percent: 0, stage: "sending" });
    xhr.send(new FormData(event.currentTarget));
  };

  // Announced in steps of ten so a screen reader is not flooded; the bar itself moves smoothly.
  const status =
    upload === null ? "" : upload.stage === "failed" ? t("figures.import.failed") : upload.stage === "processing" ? t("figures.import.processing") : t("figures.import.uploading", { percent: Math.floor(upload.percent / 10) * 10 });
  return (
    <>
      {returned !== null ? <div data-import-report="" dangerouslySetInnerHTML={{ __html: returned }} /> : <div data-import-report="">{report}</div>}
      <form method="post" action={action} encType="multipart/form-data" noValidate onSubmit={submit}>
        <CsrfInput />
        <div className="field">
          <label htmlFor="f-file">{t("figures.import.file")}</label>
          <input id="f-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        {upload && upload.stage !== "failed" ? <progress max={100} value={upload.percent} aria-label={t("figures.import.file")} /> : null}
        <p role="status" aria-live="polite" className="muted">
          {status}
        </p>
        <button type="submit" className="button" disabled={upload !== null && upload.stage !== "failed"}>
          {t("figures.import.submit")}
        </button>
      </form>
    </>
  );
}
