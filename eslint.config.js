import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['functions/**/*.{ts,tsx}'],
    plugins: { boundaries },
    rules: { 'boundaries/layers': 'error' },
  },
  {
    // the functions receive the config validated at synth: its schema and rules stay out of the bundles
    files: [
      'functions/{calendar,directory,feedback,indicators,staff}/**/*.{ts,tsx}',
      'functions/core/{http,session,store,page,csv,ical,disclosure,contracts,text}/**/*.{ts,tsx}',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/config/rules.js', '**/core/config/load.js', '**/core/config/schema.js', '**/core/config/json-schema.js'],
              allowTypeImports: true,
              message:
                'The config is validated at synth; import its types only (helpers: core/organisations.js, core/config/definitions.js).',
            },
          ],
        },
      ],
    },
  },
);
