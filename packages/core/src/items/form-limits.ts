// How many bytes an item form may carry while it streams in: the files its section's kinds take (a cover
// image, and a document's PDF or a video) plus the text of every language. The server refuses a body
// larger than the largest of these before reading it, and the reverse proxy's limit is kept equal.
import { UPLOAD_LIMITS } from "../content/check-upload.ts";
import { kindsForSection } from "./item-input.ts";

const MB = 1024 * 1024;

/** An item's own fields with its rich text in every language a province offers. */
export const ITEM_TEXT_LIMIT = 2 * MB;

export function itemFormLimit(sectionKind: string): number {
  const kinds = kindsForSection(sectionKind);
  const file = kinds.includes("video") ? UPLOAD_LIMITS.video : kinds.includes("document") ? UPLOAD_LIMITS.document : 0;
  return UPLOAD_LIMITS.image + file + ITEM_TEXT_LIMIT;
}

/** The largest body any route takes: a video section's item form. */
export const MAX_REQUEST_BYTES = itemFormLimit("videos");
