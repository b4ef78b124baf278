// Attempt limits through the real server behind a trusted proxy (TRUST_PROXY=loopback, as in production
// behind infra/nginx): each client address has its own budget, wrong passwords lock an account only for
// the address they came from, and past a limit the answer is 429 with the translated message and
// Retry-After.
import { expect, it } from "vitest";
import { describeServer } from "./describe-server.ts";
import { ACCOUNTS, PASSWORD } from "./test-server.ts";

const TOO_MANY = "Bạn đã thử quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.";
const INVALID = "Địa chỉ thư điện tử hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa.";
const from = (address: string) => ({ headers: { "x-forwarded-for": address } });

describeServer(
  "attempt limits",
  (server) => {
    it("an attacker's wrong passwords lock the admin out of the attacker's address only; its address then gets 429", async () => {
      const attacker = server().client("quang-ninh");
      const admin = { email: ACCOUNTS.qnAdmin.email, password: PASSWORD };
      for (let i = 0; i < 5; i++) {
        const res = await attacker.submit("/admin/login", { email: admin.email, password: `doan-sai-${i}` }, from("203.0.113.66"));
        expect(res.status).toBe(400);
        expect(res.text).toContain(INVALID);
      }
      // the right password from the attacker's address: locked, and it looks like any other failure
      const locked = await attacker.submit("/admin/login", admin, from("203.0.113.66"));
      expect(locked.status).toBe(400);
      expect(locked.text).toContain(INVALID);
      // the admin at her office signs in
      const office = server().client("quang-ninh");
      expect((await office.submit("/admin/login", admin, from("198.51.100.20"))).status).toBe(302);
      // the attacker's address has used its 7 sign-ins for 10 minutes, and cannot name another one itself
      expect((await attacker.submit("/admin/login", admin, from("203.0.113.66"))).status).toBe(400);
      for (const forwarded of ["203.0.113.66", "198.51.100.20, 203.0.113.66"]) {
        const refused = await attacker.submit("/admin/login", admin, from(forwarded));
        expect(refused.status).toBe(429);
        expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(590);
        expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(600);
        expect(refused.text).toContain(TOO_MANY);
      }
    });

    it("answers the sixth reset request from one address in 10 minutes with 429 and Retry-After", async () => {
      const c = server().client("quang-ninh");
      for (let i = 0; i < 5; i++) expect((await c.submit("/admin/forgot", { email: `ai-do-${i}@qn.vn` }, from("192.0.2.30"))).status).toBe(200);
      const refused = await c.submit("/admin/forgot", { email: "ai-do@qn.vn" }, from("192.0.2.30"));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.text).toContain(TOO_MANY);
      expect((await c.submit("/admin/forgot", { email: "ai-do@qn.vn" }, from("192.0.2.31"))).status).toBe(200);
    });
  },
  { env: { SIGNIN_ATTEMPTS: "7", TRUST_PROXY: "loopback" } },
);
