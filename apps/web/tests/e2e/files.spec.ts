// Uploaded files as visitors and their browsers fetch them: a draft's video is the staff's alone; once
// published anyone may have it, whole or one byte range at a time (video players ask for ranges, and
// Safari plays nothing without a 206), and a browser that already has it gets a 304.
import { expect, test, type Page } from "@playwright/test";
import { direct, siteUrl } from "./fixtures";
import { signInAs } from "./sign-in";

// A real WebM, recorded by Chromium itself from a canvas: no binary fixture to keep, and a file the
// browser's own player can decode.
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext("2d")!;
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: "video/webm;codecs=vp8" });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    let frame = 0;
    const draw = () => {
      context.fillStyle = `hsl(${(frame * 9) % 360} 80% 50%)`;
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = "#000";
      context.fillText(`Quảng Ninh ${frame++}`, 10, 60);
    };
    draw();
    const timer = setInterval(draw, 40);
    recorder.start(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    recorder.stop();
    clearInterval(timer);
    await stopped;
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

test("a video is streamed in byte ranges, answered 304 when unchanged, and kept from visitors until published", async ({ browser, request }) => {
  const staff = await (await browser.newContext()).newPage();
  await signInAs(staff, "qnAdmin");
  const video = await recordWebm(staff);
  expect(video.length).toBeGreaterThan(1_000);
  const size = video.length;

  const title = `Phóng sự tiêm vắc xin ${Math.random().toString(36).slice(2, 8)}`;
  await staff.goto(siteUrl("quang-ninh", "/admin/sections/videos/new?kind=video"));
  await staff.getByLabel("Tiêu đề (Tiếng Việt)").fill(title);
  await staff.getByLabel("Tóm tắt (Tiếng Việt)").fill("Phóng sự ngắn");
  await staff.getByLabel("Tệp video MP4 hoặc WebM (tối đa 100 MB)").setInputFiles({ name: "phóng sự.webm", mimeType: "video/webm", buffer: video });
  await staff.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(staff.getByRole("status")).toHaveText("Đã lưu.");
  const fileId = await staff.locator('input[type="hidden"][name="fileId"]').inputValue();
  const path = `/files/${fileId}/${encodeURIComponent("phóng sự.webm")}`;
  const file = (headers: Record<string, string> = {}) => request.get(direct("quang-ninh", path)[0], { headers: { ...direct("quang-ninh")[1].headers, ...headers } });

  // A draft's file: the province's staff see it, a visitor finds nothing.
  expect((await file()).status()).toBe(404);
  expect((await request.head(...direct("quang-ninh", path))).status()).toBe(404);
  const asStaff = await staff.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, cacheControl: response.headers.get("cache-control"), length: (await response.arrayBuffer()).byteLength };
  }, path);
  expect(asStaff).toEqual({ status: 200, cacheControl: "private, no-store, no-transform", length: size });

  await staff.getByRole("button", { name: "Đăng ngay" }).click();
  await expect(staff.getByTestId("item-status")).toHaveText("Trạng thái: Đã đăng");

  // HEAD: what a GET would send, without the bytes.
  const head = await request.head(...direct("quang-ninh", path));
  expect(head.status()).toBe(200);
  expect(head.headers()).toMatchObject({ "content-length": String(size), "content-type": "video/webm", "accept-ranges": "bytes" });
  expect((await head.body()).length).toBe(0);
  const etag = head.headers()["etag"]!;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  const lastModified = head.headers()["last-modified"]!;
  expect(lastModified).toMatch(/ GMT$/);

  // The whole file, byte for byte, never re-encoded (the request accepts gzip).
  const whole = await file({ "Accept-Encoding": "gzip, deflate, br" });
  expect(whole.status()).toBe(200);
  expect(whole.headers()).toMatchObject({
    "content-length": String(size),
    "content-type": "video/webm",
    "accept-ranges": "bytes",
    etag,
    "cache-control": "public, max-age=86400, no-transform",
  });
  expect(whole.headers()["x-content-type-options"]).toContain("nosniff");
  expect(whole.headers()["content-encoding"]).toBeUndefined();
  expect(whole.headers()["content-disposition"]).toBe(`inline; filename*=UTF-8''${encodeURIComponent("phóng sự.webm")}`);
  expect(whole.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await whole.body()).equals(video)).toBe(true);

  // One range: 206 with exactly those bytes.
  for (const [range, start, end] of [
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, size - 1],
    ["bytes=-100", size - 100, size - 1],
    [`bytes=500-${size + 1000}`, 500, size - 1],
    ["bytes=0-", 0, size - 1],
  ] as const) {
    const part = await file({ Range: range, "Accept-Encoding": "gzip" });
    expect(part.status(), range).toBe(206);
    expect(part.headers()["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
    expect(part.headers()["content-length"], range).toBe(String(end + 1 - start));
    expect(part.headers()["content-encoding"], range).toBeUndefined();
    expect(Buffer.from(await part.body()).equals(video.subarray(start, end + 1)), range).toBe(true);
  }

  // A range past the end: 416, and the size to ask again with.
  const beyond = await file({ Range: `bytes=${size}-` });
  expect(beyond.status()).toBe(416);
  expect(beyond.headers()["content-range"]).toBe(`bytes */${size}`);

  // Several ranges or a malformed one: the whole file, as RFC 9110 allows.
  for (const range of ["bytes=0-1,5-6", "bytes=9-3", "lines=1-2"]) {
    const answer = await file({ Range: range });
    expect(answer.status(), range).toBe(200);
    expect((await answer.body()).length, range).toBe(size);
  }

  // What the browser already has: 304, no body.
  const unchanged = await file({ "If-None-Match": etag });
  expect(unchanged.status()).toBe(304);
  expect(unchanged.headers()["etag"]).toBe(etag);
  expect((await unchanged.body()).length).toBe(0);
  expect((await file({ "If-Modified-Since": lastModified })).status()).toBe(304);

  // A range of a version the browser had before: the whole current file instead.
  const stale = await file({ Range: "bytes=0-99", "If-Range": '"0000000000000000000000000000000000000000000000000000000000000000"' });
  expect(stale.status()).toBe(200);
  expect(Buffer.from(await stale.body()).equals(video)).toBe(true);
  const fresh = await file({ Range: "bytes=0-99", "If-Range": etag });
  expect(fresh.status()).toBe(206);

  // No such file: 404, whatever the id looks like.
  for (const id of ["------------------------------------", "00000000-0000-4000-8000-000000000000", "abc"]) {
    expect((await request.get(...direct("quang-ninh", `/files/${id}/x.webm`))).status(), id).toBe(404);
  }

  // A citizen's browser plays it, asking in ranges and getting 206s.
  const citizen = await (await browser.newContext()).newPage();
  const answers: { status: number; range: string | undefined }[] = [];
  citizen.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith(`/files/${fileId}/`)) answers.push({ status: response.status(), range: response.headers()["content-range"] });
  });
  await citizen.goto(siteUrl("quang-ninh", "/videos"));
  await citizen.getByRole("link", { name: title }).click();
  const player = citizen.locator("video");
  await expect(player).toBeVisible();
  await player.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    return element.play();
  });
  await expect.poll(() => player.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await player.evaluate((element: HTMLVideoElement) => element.error)).toBeNull();
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.every((a) => a.status === 206 && a.range?.endsWith(`/${size}`)), JSON.stringify(answers)).toBe(true);
});
