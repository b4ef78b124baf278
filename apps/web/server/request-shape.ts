// Requests no page or form could have sent are answered here with a short 4xx in the visitor's language,
// before Remix, a database query or a body is read: an address that is not valid UTF-8 or holds control
// characters (400, naming the parameter), and a body declared larger than the largest form any route
// takes (413; the rest is drained for a moment, then the connection closed: discard-body.ts). Routes set their own, smaller limits while the
// body streams (apps/web/app/utils/form.server.ts).
import type { RequestHandler, Response } from "express";
import { isLanguage, translate, type Language } from "@cong/i18n";
import type { Site } from "~/load-context";
import { discardBody } from "./discard-body.ts";

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function languageOf(cookieHeader: string | undefined, site: Site | undefined): Language {
  const chosen = /(?:^|;\s*)lng=([a-z]{2})(?:;|$)/.exec(cookieHeader ?? "")?.[1];
  if (isLanguage(chosen) && (site?.kind !== "tenant" || site.tenant.locales.includes(chosen))) return chosen;
  return site?.kind === "tenant" ? site.tenant.defaultLocale : "vi";
}

function refuse(res: Response, status: number, message: string) {
  res.status(status).type("text/plain; charset=utf-8").setHeader("Cache-Control", "no-store");
  res.send(`${status} ${message}\n`);
}

/** The first problem with the address: its path, or the name of the query parameter at fault. */
export function addressProblem(url: string): { where: "path" } | { where: "query"; field: string } | null {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { where: "path" };
  }
  if (CONTROL.test(decoded)) return { where: "path" };
  if (q < 0) return null;
  for (const part of url.slice(q + 1).split("&")) {
    const eq = part.indexOf("=");
    const rawName = eq < 0 ? part : part.slice(0, eq);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, " "));
      value = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, " "));
    } catch {
      return { where: "query", field: safeName(rawName) };
    }
    if (CONTROL.test(name) || CONTROL.test(value)) return { where: "query", field: safeName(name) };
  }
  return null;
}

// The parameter's name as it may be shown back: printable, short.
function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 40);
}

export function requestShape(options: { maxBodyBytes: number }): RequestHandler {
  return (req, res, next) => {
    const lang = () => languageOf(req.headers.cookie, res.locals.site as Site | undefined);
    const problem = addressProblem(req.url);
    if (problem?.where === "path") return refuse(res, 400, translate(lang(), "request.badPath"));
    if (problem?.where === "query") return refuse(res, 400, translate(lang(), "request.badQuery", { field: problem.field }));
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > options.maxBodyBytes) {
      const limit = `${Math.round(options.maxBodyBytes / (1024 * 1024))} MB`;
      refuse(res, 413, translate(lang(), "request.tooLarge", { limit }));
      discardBody(req, res);
      return;
    }
    next();
  };
}
