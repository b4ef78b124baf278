// Lint for the whole repository: ESLint's and typescript-eslint's recommended rules, React hooks rules.
// CommonJS because the root package.json is not "type": "module".
const js = require("@eslint/js");
const reactHooks = require("eslint-plugin-react-hooks");
const globals = require("globals");
const tseslint = require("typescript-eslint");

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
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
