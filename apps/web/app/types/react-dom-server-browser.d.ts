// @types/react-dom describes react-dom/server (which is the web-stream build in browsers and workers)
// but not the explicit react-dom/server.browser entry that entry.server.tsx imports on Node.
declare module "react-dom/server.browser" {
  export { renderToReadableStream, type RenderToReadableStreamOptions, type ReactDOMServerReadableStream } from "react-dom/server";
}
