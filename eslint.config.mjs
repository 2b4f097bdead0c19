// Few rules, each with its reason. Type-aware: the rules that matter here need the types.
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", ".data/", "prisma/*/generated/", "bench/results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "import-x": importX },
    rules: {
      // A promise nobody awaits loses its error and its ordering (a write that is not finished when we answer).
      "@typescript-eslint/no-floating-promises": "error",
      // An async function where a callback's result is ignored (event handlers, array callbacks) hides rejections.
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // A cast that changes nothing hides where a real conversion is needed.
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
      // Type-only imports vanish at run time and keep import cycles out of the program.
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Every imported package is declared in package.json, or a fresh install breaks.
      "import-x/no-extraneous-dependencies": "error",
      // Unused values are dead code; a leading underscore marks a parameter kept for its position.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Environment variables are read in common/config.ts and the entry points, where they are documented.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "read configuration through common/config.ts" },
      ],
    },
  },
  {
    // Where configuration is read, and test and tooling set-up that sets it.
    files: ["common/config.ts", "scripts/**", "bench/**", "test/**", "**/*.test.ts", "prisma/*/prisma.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Tests, the benchmark and the multi-host check read answers of any shape; `any` there is the JSON of a response,
    // checked by them.
    files: ["test/**", "**/*.test.ts", "bench/**", "scripts/multi-host.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        process: "readonly",
        console: "readonly",
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, "@typescript-eslint/no-require-imports": "off" },
  },
);
