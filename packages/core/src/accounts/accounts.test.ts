// Accounts end to end at the use-case level, on both database backends seeded with the real packs:
// sign-in with lockout, sessions bound to their province, reset and invitation links, handover.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedTenants } from "@cong/db";
import { describeBackends, inUnit } from "@cong/db/testing";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { createMailer, readOutbox } from "../mail/mailer.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { createUser } from "./create-user.ts";
import { deactivateUser } from "./deactivate-user.ts";
import { inviteUser } from "./invite-user.ts";
import { requestPasswordReset, usePasswordLink } from "./one-time-links.ts";
import { endSession, findViewer } from "./sessions.ts";
import { LOCK_MINUTES, MAX_FAILURES, signIn } from "./sign-in.ts";
import { updateUser } from "./update-user.ts";

const tenantsDir = fileURLToPath(new URL("../../../../tenants", import.meta.url));
const PASSWORD = "Mot-cau-mat-khau-that-dai";
const secret = "test-secret-0123456789abcdef0123456789abcdef";
const meta = { ip: "192.0.2.1", userAgent: "vitest", secret };

describeBackends("accounts", ({ db }) => {
  let qn = "";
  let na = "";
  let outbox = "";
  let mail: Parameters<typeof requestPasswordReset>[0]["mail"];
  const linkFrom = (text: string) => /\/admin\/(?:reset|invite)\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

  beforeAll(async () => {
    const seeded = await seedTenants(db(), tenantsDir);
    expect(seeded.failed).toEqual([]);
    const tenants = await inUnit(db(), { kind: "platform" }, (tx) => listTenants({ tx }));
    qn = tenants.find((t) => t.slug === "quang-ninh")!.id;
    na = tenants.find((t) => t.slug === "nghe-an")!.id;
    outbox = await mkdtemp(path.join(tmpdir(), "cong-outbox-"));
    mail = { mailer: createMailer({ from: "test@cong.vn", outboxDir: outbox }), baseUrl: "http://quang-ninh.localhost:3000", portalName: "QN", lang: "vi" };
    const created = await inUnit(db(), qn, (tx) =>
      createUser({
        tx,
        tenantId: qn,
        input: { email: "Editor@SYT.qn.vn", name: "Biên tập SYT", roles: ["editor"], agencies: ["so-y-te"] },
        password: PASSWORD,
        actor: SYSTEM_ACTOR,
      }),
    );
    expect(created.ok).toBe(true);
  });
  afterAll(async () => {
    await rm(outbox, { recursive: true, force: true });
  });
  /** Lets time pass for the attempt counters (they run on the database's clock). */
  const elapse = (ms: number) => db().owner.$executeRaw`update attempt_counter set resets_at = resets_at - ${ms}::float8 * interval '1 millisecond'`;

  it("signs in on the province's host, with the agencies the account belongs to", async () => {
    const result = await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "editor@syt.qn.vn", password: PASSWORD }, ...meta }));
    expect(result.ok).toBe(true);
    const viewer = await inUnit(db(), qn, (tx) => findViewer({ tx, tenantId: qn, token: result.ok ? result.token : "" }));
    expect(viewer).toMatchObject({ email: "editor@syt.qn.vn", roles: ["editor"], agencies: [{ key: "so-y-te" }] });
    // the same token means nothing on Nghệ An's host, and the same credentials do not sign in there
    expect(await inUnit(db(), na, (tx) => findViewer({ tx, tenantId: na, token: result.ok ? result.token : "" }))).toBeNull();
    expect(await inUnit(db(), na, (tx) => signIn({ tx, tenantId: na, input: { email: "editor@syt.qn.vn", password: PASSWORD }, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    // nor on the apex, where only operators sign in
    expect(await inUnit(db(), null, (tx) => signIn({ tx, tenantId: null, input: { email: "editor@syt.qn.vn", password: PASSWORD }, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    await inUnit(db(), qn, (tx) => endSession({ tx, token: result.ok ? result.token : "" }));
    expect(await inUnit(db(), qn, (tx) => findViewer({ tx, tenantId: qn, token: result.ok ? result.token : "" }))).toBeNull();
  });

  it("answers a wrong password and an unknown address alike, and names missing fields", async () => {
    const wrong = await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "editor@syt.qn.vn", password: "sai-mat-khau-roi" }, ...meta }));
    const unknown = await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "nobody@qn.vn", password: "sai-mat-khau-roi" }, ...meta }));
    expect(wrong).toEqual(unknown);
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "", password: "" }, ...meta }))).toEqual({
      ok: false,
      errors: { email: ["errors.emailRequired"], password: ["errors.passwordRequired"] },
    });
  });

  it("locks an account after repeated failures from one address, even against the right password, for 15 minutes, and records it", async () => {
    await inUnit(db(), qn, (tx) => createUser({ tx, tenantId: qn, input: { email: "lock@qn.vn", name: "Khoá", roles: ["viewer"] }, password: PASSWORD, actor: SYSTEM_ACTOR }));
    const right = { email: "lock@qn.vn", password: PASSWORD };
    for (let i = 0; i < MAX_FAILURES; i++) await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "lock@qn.vn", password: "wrong-password-1" }, ...meta }));
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    await elapse(14 * 60_000);
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    await elapse(LOCK_MINUTES * 60_000 - 14 * 60_000 + 1_000);
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...meta }))).ok).toBe(true);
    const actions = await db().owner.auditLog.findMany({ where: { tenantId: qn, actorEmail: "lock@qn.vn" }, select: { action: true } });
    expect(actions.filter((a) => a.action === "user.lock")).toHaveLength(1);
    expect(actions.filter((a) => a.action === "session.refused")).toHaveLength(MAX_FAILURES + 2);
  });

  it("does not let wrong passwords from one address lock the admin out at another, and a sign-in clears its address's failures", async () => {
    await inUnit(db(), qn, (tx) => createUser({ tx, tenantId: qn, input: { email: "admin.so@qn.vn", name: "Quản trị", roles: ["admin"] }, password: PASSWORD, actor: SYSTEM_ACTOR }));
    const attacker = { ...meta, ip: "203.0.113.66" };
    const office = { ...meta, ip: "198.51.100.20" };
    const wrong = { email: "admin.so@qn.vn", password: "doan-mat-khau-sai" };
    const right = { email: "admin.so@qn.vn", password: PASSWORD };
    // the attacker's guesses, some in parallel, lock the account only for the attacker's address
    await Promise.all(Array.from({ length: 8 }, () => inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: wrong, ...attacker }))));
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...office }))).ok).toBe(true);
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...attacker }))).toEqual({ ok: false, reason: "invalid" });
    // four mistakes at the office, a sign-in, four more: still not locked, the sign-in cleared the first four
    for (let i = 0; i < MAX_FAILURES - 1; i++) await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: wrong, ...office }));
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...office }))).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: wrong, ...office }));
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: right, ...office }))).ok).toBe(true);
    // the lock was recorded once, for the attacker's burst
    const locks = await db().owner.auditLog.findMany({ where: { tenantId: qn, actorEmail: "admin.so@qn.vn", action: "user.lock" }, select: { ip: true } });
    expect(locks).toEqual([{ ip: "203.0.113.66" }]);
  });

  it("mails a reset link only to an existing account, and the link works once and ends old sessions", async () => {
    expect((await inUnit(db(), qn, (tx, unit) => requestPasswordReset({ tx, unit, tenantId: qn, email: "nobody@qn.vn", mail, ip: null }))).ok).toBe(true);
    expect(await readOutbox(outbox)).toEqual([]);
    const session = await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "editor@syt.qn.vn", password: PASSWORD }, ...meta }));
    expect((await inUnit(db(), qn, (tx, unit) => requestPasswordReset({ tx, unit, tenantId: qn, email: "EDITOR@syt.qn.vn", mail, ip: null }))).ok).toBe(true);
    const [sent] = await readOutbox(outbox);
    expect(sent?.to).toBe("editor@syt.qn.vn");
    const token = linkFrom(sent!.text);
    expect(token).not.toBe("");
    const refused = await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "reset", token, password: "short", confirm: "short", ip: null }));
    expect(refused).toEqual({ ok: false, errors: { password: ["errors.passwordTooShort"] } });
    const mismatch = await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "reset", token, password: "Mot-mat-khau-moi-hoan-toan", confirm: "khac", ip: null }));
    expect(mismatch).toEqual({ ok: false, errors: { confirm: ["errors.passwordMismatch"] } });
    // the link is for Quảng Ninh only
    expect(await inUnit(db(), na, (tx) => usePasswordLink({ tx, tenantId: na, kind: "reset", token, password: "Mot-mat-khau-moi-hoan-toan", confirm: "Mot-mat-khau-moi-hoan-toan", ip: null }))).toEqual({ ok: false, reason: "expired" });
    const done = await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "reset", token, password: "Mot-mat-khau-moi-hoan-toan", confirm: "Mot-mat-khau-moi-hoan-toan", ip: null }));
    expect(done.ok).toBe(true);
    expect(await inUnit(db(), qn, (tx) => findViewer({ tx, tenantId: qn, token: session.ok ? session.token : "" }))).toBeNull();
    expect(await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "reset", token, password: "Lan-thu-hai-cung-link-do", confirm: "Lan-thu-hai-cung-link-do", ip: null }))).toEqual({ ok: false, reason: "expired" });
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "editor@syt.qn.vn", password: "Mot-mat-khau-moi-hoan-toan" }, ...meta }))).ok).toBe(true);
    // audit entries never hold a password or token hash
    const audit = JSON.stringify(await db().owner.auditLog.findMany({ where: { tenantId: qn } }));
    expect(audit).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it("lets a password reset by mail end the lock the old password's failures made", async () => {
    await inUnit(db(), qn, (tx) => createUser({ tx, tenantId: qn, input: { email: "quen@qn.vn", name: "Hay quên", roles: ["viewer"] }, password: PASSWORD, actor: SYSTEM_ACTOR }));
    for (let i = 0; i < MAX_FAILURES; i++) await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "quen@qn.vn", password: "nho-nham-mat-khau" }, ...meta }));
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "quen@qn.vn", password: PASSWORD }, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    expect((await inUnit(db(), qn, (tx, unit) => requestPasswordReset({ tx, unit, tenantId: qn, email: "quen@qn.vn", mail, ip: meta.ip }))).ok).toBe(true);
    const token = linkFrom((await readOutbox(outbox)).find((m) => m.to === "quen@qn.vn")!.text);
    const fresh = "Mat-khau-moi-that-dai-2026";
    expect((await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "reset", token, password: fresh, confirm: fresh, ip: meta.ip }))).ok).toBe(true);
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "quen@qn.vn", password: fresh }, ...meta }))).ok).toBe(true);
  });

  it("invites an account that sets its own password through the mailed link", async () => {
    const invited = await inUnit(db(), qn, (tx, unit) =>
      inviteUser({
        tx,
        unit,
        tenantId: qn,
        input: { email: "moi@cdc.qn.vn", name: "Người mới", roles: ["editor"], agencies: ["cdc"] },
        actor: SYSTEM_ACTOR,
        mail,
      }),
    );
    expect(invited.ok).toBe(true);
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "moi@cdc.qn.vn", password: PASSWORD }, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    const sent = (await readOutbox(outbox)).find((m) => m.to === "moi@cdc.qn.vn")!;
    expect(sent.subject).toContain("Lời mời");
    const token = linkFrom(sent.text);
    expect((await inUnit(db(), qn, (tx) => usePasswordLink({ tx, tenantId: qn, kind: "invite", token, password: PASSWORD, confirm: PASSWORD, ip: null }))).ok).toBe(true);
    expect((await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "moi@cdc.qn.vn", password: PASSWORD }, ...meta }))).ok).toBe(true);
  });

  it("refuses an edit with an unknown agency and saves nothing of it", async () => {
    const user = await db().owner.user.findFirstOrThrow({ where: { tenantId: qn, email: "moi@cdc.qn.vn" }, include: { agencies: true } });
    const result = await inUnit(db(), qn, (tx) => updateUser({ tx, tenantId: qn, userId: user.id, input: { name: "Đổi tên", roles: ["editor"], agencies: ["khong-co"] }, actor: SYSTEM_ACTOR }));
    expect(result).toEqual({ ok: false, errors: { agencies: ["errors.agencyUnknown"] } });
    const after = await db().owner.user.findFirstOrThrow({ where: { id: user.id }, include: { agencies: true } });
    expect(after.name).toBe(user.name);
    expect(after.agencies).toEqual(user.agencies);
  });

  it("hands an account over: deactivated, its agencies and roles passed on, its sessions ended at once", async () => {
    const leaving = await db().owner.user.findFirstOrThrow({ where: { tenantId: qn, email: "moi@cdc.qn.vn" } });
    await inUnit(db(), qn, (tx) => createUser({ tx, tenantId: qn, input: { email: "ke-nhiem@qn.vn", name: "Kế nhiệm", roles: ["viewer"] }, password: PASSWORD, actor: SYSTEM_ACTOR }));
    const successor = await db().owner.user.findFirstOrThrow({ where: { tenantId: qn, email: "ke-nhiem@qn.vn" } });
    const open = await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "moi@cdc.qn.vn", password: PASSWORD }, ...meta }));
    const result = await inUnit(db(), qn, (tx) => deactivateUser({ tx, tenantId: qn, userId: leaving.id, input: { transferTo: successor.id }, actor: { id: null, email: "admin@qn.vn", ip: null } }));
    expect(result).toMatchObject({ ok: true, value: { agencies: 1 } });
    expect(await inUnit(db(), qn, (tx) => findViewer({ tx, tenantId: qn, token: open.ok ? open.token : "" }))).toBeNull();
    expect(await inUnit(db(), qn, (tx) => signIn({ tx, tenantId: qn, input: { email: "moi@cdc.qn.vn", password: PASSWORD }, ...meta }))).toEqual({ ok: false, reason: "invalid" });
    const s = await db().owner.user.findFirstOrThrow({ where: { id: successor.id }, include: { agencies: { include: { agency: true } } } });
    expect(s.roles.sort()).toEqual(["editor", "viewer"]);
    expect(s.agencies.map((a) => a.agency.key)).toEqual(["cdc"]);
  });

  it("ties a member of a collective agency to the unit they act for, of that agency's level only", async () => {
    const district = await db().owner.adminUnit.findFirstOrThrow({ where: { tenantId: qn, levelKey: "district" } });
    const commune = await db().owner.adminUnit.findFirstOrThrow({ where: { tenantId: qn, levelKey: "commune" } });
    const input = { email: "huyen@qn.vn", name: "Cán bộ huyện", roles: ["editor"], agencies: ["ubnd-huyen"], unit: district.code };
    const created = await inUnit(db(), qn, (tx) => createUser({ tx, tenantId: qn, input, password: PASSWORD, actor: SYSTEM_ACTOR }));
    expect(created.ok).toBe(true);
    const user = await db().owner.user.findFirstOrThrow({ where: { email: "huyen@qn.vn" }, include: { agencies: true } });
    expect(user.agencies.map((a) => a.unitCode)).toEqual([district.code]);
    // A commune for a district body, an unknown code, or a unit for a provincial agency: refused naming the field.
    const update = (unit: string, agencies = ["ubnd-huyen"]) =>
      inUnit(db(), qn, (tx) => updateUser({ tx, tenantId: qn, userId: user.id, input: { name: "Cán bộ huyện", roles: ["editor"], agencies, unit }, actor: SYSTEM_ACTOR }));
    expect(await update(commune.code)).toEqual({ ok: false, errors: { unit: ["errors.unitLevelMismatch"] } });
    expect(await update("99999")).toEqual({ ok: false, errors: { unit: ["errors.unitUnknown"] } });
    expect(await update("1a")).toEqual({ ok: false, errors: { unit: ["errors.unitCodeInvalid"] } });
    expect(await update(district.code, ["so-y-te"])).toEqual({ ok: false, errors: { unit: ["errors.unitNeedsCollectiveAgency"] } });
    expect((await db().owner.userAgency.findMany({ where: { userId: user.id } })).map((a) => a.unitCode)).toEqual([district.code]);
    // Cleared with an empty field.
    expect((await update("")).ok).toBe(true);
    expect((await db().owner.userAgency.findMany({ where: { userId: user.id } })).map((a) => a.unitCode)).toEqual([null]);
  });
});
