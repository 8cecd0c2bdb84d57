// Lint: type-aware TypeScript rules, the one-way import direction between stages, and no cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

// Each stage may import only the stages listed for it (see docs/architecture.md).
const allowed = {
  core: [],
  text: ['core'],
  detect: ['core', 'text'],
  sources: ['core', 'text'],
  store: ['core'],
  review: ['core', 'text', 'detect', 'store'],
  pipeline: ['core', 'text', 'detect', 'review', 'sources', 'store'],
  api: ['core', 'text', 'detect', 'review', 'sources', 'store', 'pipeline', 'context'],
  cli: ['core', 'text', 'detect', 'review', 'sources', 'store', 'pipeline', 'context', 'api'],
};
const stages = Object.keys(allowed);
const zones = stages.flatMap((stage) =>
  [...stages, 'context']
    .filter((other) => other !== stage && !allowed[stage].includes(other))
    .map((other) => ({
      target: `./src/${stage}`,
      from: other === 'context' ? './src/context.ts' : `./src/${other}`,
      message: `${stage}/ may not import ${other}/ (imports flow one way; see docs/architecture.md).`,
    })),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**', '.kiemtin/**', 'web/dist/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { typescript: { project: './tsconfig.json' } }, 'import-x/ignore': ['node_modules'] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only entry points read process.env; take configuration as a parameter.',
        },
      ],
    },
  },
  {
    files: ['src/cli/main.ts', 'tests/**/*.ts', 'bench/**/*.ts', '**/*.test.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests read JSON responses whose shape they assert.
    files: ['tests/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
