// Content: what editors write and what the portal publishes from it. Pure functions (sanitizing,
// search folding, feeds, diffs) and the file storage uploads go to.
export { cleanHtml, htmlToText, safeHref, safeImageSrc } from "./sanitize-html.ts";
export { foldVietnamese, searchTerms, toTsQuery, MAX_QUERY_TERMS, MAX_TERM_LENGTH } from "./search-text.ts";
export {
  checkUpload,
  safeFileName,
  UPLOAD_LIMITS,
  UPLOAD_TYPES,
  MAX_FILE_NAME,
  type UploadCheck,
  type UploadPurpose,
} from "./check-upload.ts";
export { createStorage, type Storage, type StorageOptions, type ObjectInfo, type ObjectStream, type ByteRange, type ReadOptions } from "./storage.ts";
export { assertStorageKey, assertContentType, assertByteRange } from "./storage-key.ts";
export { answerFileRequest, parseByteRange, httpDate, type FileAnswer, type FileValidators } from "./file-request.ts";
export { rssFeed, atomFeed, type Feed, type FeedItem } from "./feeds.ts";
export { sitemapXml, SITEMAP_MAX_URLS, type SitemapUrl } from "./sitemap-xml.ts";
export {
  openSearchXml,
  OPEN_SEARCH_SHORT_NAME_MAX,
  OPEN_SEARCH_DESCRIPTION_MAX,
  type OpenSearchDescription,
} from "./open-search-xml.ts";
export { xmlText, xmlAttribute, rfc822, rfc3339 } from "./xml-text.ts";
export { diffRevisions, type DiffPart, type FieldChange } from "./revision-diff.ts";
