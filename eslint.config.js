// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layersFile from './layers.json' with { type: 'json' };

/** The layer rule (layers.json), as no-restricted-imports: the editor shows a break as it is typed; test/layers.test.ts proves it over the whole graph. */
const layerRules = Object.entries(layersFile.layers).map(([layer, rule]) => {
  const others = Object.keys(layersFile.layers).filter((l) => !rule.imports.includes(l));
  return {
    files: [layer === 'extension' ? 'extension/src/**/*.ts' : `${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(others.length
              ? [
                  {
                    regex: `^(\\.\\./)+(${others.join('|')})/`,
                    message: `${layer}/ may import only ${rule.imports.join(', ')} (layers.json, docs/design.md).`,
                  },
                ]
              : []),
            {
              group: rule.forbiddenPackages,
              message: `${layer}/ must not use this package (layers.json, docs/design.md).`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'extension/dist/**',
      'extension/schemas/**',
      'node_modules/**',
      '.vscode-test/**',
      'bench/.corpus/**',
      'coverage/**',
      'test-output/**',
      'test/fixtures/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // TypeScript checks names itself; ESLint's no-undef does not know its types and globals.
  { files: ['**/*.ts'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['extension/media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } },
  },
  {
    // Tests read JSON (command output, GitHub's requests and answers) field by field; the
    // local GitHub API server checks every request against GitHub's OpenAPI description
    // before a handler reads it. Typing each payload would add nothing the assertions do not.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  ...layerRules,
);
