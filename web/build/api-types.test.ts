import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain Node script, without type declarations
import { GENERATED, generateApiTypes } from './api-types.mjs';

describe('API types', () => {
  it('are what openapi-typescript makes of the committed OpenAPI document', async () => {
    const committed = await readFile(GENERATED, 'utf8');
    // On failure: npm run gen:api, and commit src/types/openapi.gen.ts.
    expect(committed).toBe(await generateApiTypes());
  });
});
