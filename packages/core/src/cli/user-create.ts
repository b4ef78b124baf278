// `npm run user:create -- --tenant <slug> --email <email> --role <role> [--role …] [--agency <id> …] [--name "…"]`
// Creates an account that can sign in at once; the password is read from standard input (piped, or
// typed without echo). Without --tenant the account is a platform operator (it signs in on the apex).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { translate } from "@cong/i18n";
import { withPlatform } from "@cong/db";
import { runCli } from "@cong/db/cli";
import { SYSTEM_ACTOR } from "../audit/record-audit.ts";
import { createUser } from "../accounts/create-user.ts";
import { listTenants } from "../tenants/list-tenants.ts";
import { inScope } from "../scope.ts";

const USAGE = 'usage: npm run user:create -- [--tenant <slug>] --email <email> --role <role> [--role <role>] [--agency <id>] [--unit <GSO code of the locality a collective agency member serves>] [--name "Full name"]  (password on stdin)';

const { values } = parseArgs({
  options: {
    tenant: { type: "string" },
    email: { type: "string" },
    role: { type: "string", multiple: true },
    agency: { type: "string", multiple: true },
    unit: { type: "string" },
    name: { type: "string" },
  },
  strict: true,
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = "";
    for await (const chunk of process.stdin) input += String(chunk);
    return input.replace(/\r?\n$/, "");
  }
  // Typed at a terminal: ask on stderr and do not echo what is typed.
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write("Password: ");
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}

if (!values.email) {
  console.error(USAGE);
  process.exit(1);
}
const password = await readPassword();

await runCli("user:create", async ({ db }) => {
  let tenantId: string | null = null;
  if (values.tenant) {
    const tenant = (await withPlatform(db, (tx) => listTenants({ tx }))).find((t) => t.slug === values.tenant);
    if (!tenant) {
      console.error(`user:create: no tenant "${values.tenant}"`);
      return 1;
    }
    tenantId = tenant.id;
  } else if (values.role?.some((r) => r !== "operator")) {
    console.error("user:create: without --tenant the account is a platform operator; give --tenant <slug> for a province's roles");
    return 1;
  }
  const email = values.email!;
  const result = await inScope(db, tenantId, (tx) =>
    createUser({
      tx,
      tenantId,
      input: { email, name: values.name ?? email.split("@")[0], roles: values.role ?? [], agencies: values.agency ?? [], unit: values.unit },
      password,
      actor: SYSTEM_ACTOR,
      lang: "en",
    }),
  );
  if (!result.ok) {
    for (const [field, messages] of Object.entries(result.errors))
      for (const m of messages) console.error(`  --${field === "roles" ? "role" : field === "agencies" ? "agency" : field}: ${m.startsWith("errors.") ? translate("en", m) : m}`);
    return 1;
  }
  const where = values.tenant ?? "the platform (apex)";
  console.log(`user:create: ${result.value.email} created in ${where} with role(s) ${result.value.roles.join(", ")}${result.value.agencies.length ? ` and agencies ${result.value.agencies.join(", ")}` : ""}`);
  return 0;
});
