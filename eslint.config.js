// Lint for the whole repository: ESLint's and typescript-eslint's recommended rules, React hooks rules.
// CommonJS because the root package.json is not "type": "module".
const js = require("@eslint/js");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");
const tseslint = require("typescript-eslint");

// Use-case files that are doors too: run at start-up or by a job for every province (they open a scope per
// province), with their tx-shaped work beside them.
const USE_CASE_DOORS = [
  // the package's index re-exports the doors' helper (inScope) for the server, CLIs and tests
  "packages/core/src/index.ts",
  // migrations run as the owner, before any request
  "packages/core/src/migrate-database.ts",
  // the host lookup the server runs before a request's unit exists (cached per database)
  "packages/core/src/tenants/resolve-tenant.ts",
  // start-up seeding and the jobs' entry points, each beside its tx-shaped work
  "packages/core/src/items/seed-regulations.ts",
  "packages/core/src/figures/seed-demo-figures.ts",
  "packages/core/src/places/seed-demo-places.ts",
  "packages/core/src/deadlines/refresh-deadlines.ts",
  "packages/core/src/deadlines/send-reminders.ts",
  "packages/core/src/items/publish-due-items.ts",
];

module.exports = tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/build/**",
      "**/dist/**",
      "**/.turbo/**",
      "**/.cache/**",
      "**/generated/**",
      "**/test-results/**",
      "**/playwright-report/**",
      ".data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The server entry runs under Node (tsx), which knows nothing of the app's "~/" alias: only types
    // may come from there; values come from packages or relative imports.
    files: ["apps/web/server/**/*.ts"],
    ignores: ["apps/web/server/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["~/*"], allowTypeImports: true, message: "server/ runs outside Vite: import values from a package or a relative path" }] }],
    },
  },
  {
    // The owner's unscoped client is for migrations, tenant:add and the jobs that need it, through
    // @cong/db/owner (CONVENTIONS rule 5): routes, the server entry and use cases never reach it.
    files: ["apps/web/app/**/*.{ts,tsx}", "apps/web/server/**/*.ts", "packages/core/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@cong/db/owner", message: "the owner's client is not for requests or use cases: take the scoped tx" }] }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[property.name='owner']", message: "the owner's client is not for requests or use cases: take the scoped tx" },
        { selector: "MemberExpression[property.name='$transaction']", message: "a use case never opens a transaction: it works on the request's tx (docs/decisions/0011)" },
      ],
    },
  },
  {
    // One unit of work per request (docs/decisions/0011): routes and use cases work on the request's tx
    // and never open a transaction or a scope of their own. Only the doors open one: the server entry
    // (apps/web/server), background jobs (packages/core/src/jobs), CLIs and the start-up seeding.
    files: ["apps/web/app/**/*.{ts,tsx}", "packages/core/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "packages/core/src/jobs/**", "packages/core/src/cli/**", "packages/core/src/scope.ts", ...USE_CASE_DOORS],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@cong/db/owner", message: "the owner's client is not for requests or use cases: take the scoped tx" },
            { name: "@cong/db", importNames: ["withTenant", "withPlatform", "withOperator", "openUnitOfWork", "openDb", "Db"], message: "a use case takes { tx, … } from the request's unit of work; only jobs, CLIs and the server open a scope" },
            { name: "@cong/core", importNames: ["inScope"], message: "a route runs use cases with context.unit.run((tx) => …); only jobs, CLIs and the server open a scope" },
          ],
          patterns: [{ group: ["**/scope.ts", "**/scope"], importNames: ["inScope"], message: "a use case takes { tx, … }; only jobs and CLIs open a scope" }],
        },
      ],
    },
  },
  {
    // Authorization decisions come from the CASL ability only (CONVENTIONS rule 6): a route, component
    // or helper asks ability.can(...), never the viewer's role list.
    files: ["apps/web/app/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.property.name='roles'][callee.property.name=/^(some|every|includes|indexOf|find|filter)$/]",
          message: "decide with the CASL ability (ability.can), not the role list",
        },
        // repeated from the owner block above: a later block's rule replaces an earlier one's
        { selector: "MemberExpression[property.name='owner']", message: "the owner's client is not for requests or use cases: take the scoped tx" },
        { selector: "MemberExpression[property.name='$transaction']", message: "a use case never opens a transaction: it works on the request's tx (docs/decisions/0011)" },
        { selector: "MemberExpression[object.name='context'][property.name='db']", message: "a route works on the request's unit of work: context.unit.run((tx) => useCase({ tx, … }))" },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
