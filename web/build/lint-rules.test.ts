// The lint rules that keep src/ in layers (eslint.config.js) must be able to fail: each case below is a
// snippet placed where it breaks a rule, and the rule has to fire. `npm test` lints the real code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const web = dirname(dirname(fileURLToPath(import.meta.url)));
const eslint = new ESLint({ cwd: web });

async function rulesFired(code: string, filePath: string) {
  const results = await eslint.lintText(code, { filePath: join(web, filePath) });
  return results.flatMap((result) => result.messages.map((message) => message.ruleId));
}

const RESTRICTED = 'import-x/no-restricted-paths';

describe('boundaries between app, features and shared code', () => {
  it('stop a feature from importing another feature', async () => {
    const code = "import { useCart } from '@/features/cart/api/get-cart';\nexport const read = useCart;\n";
    expect(await rulesFired(code, 'src/features/orders/components/Sample.ts')).toContain(RESTRICTED);
    // … by a relative path too
    const relative = "import { useCart } from '../../cart/api/get-cart';\nexport const read = useCart;\n";
    expect(await rulesFired(relative, 'src/features/orders/components/Sample.ts')).toContain(RESTRICTED);
  });

  it('stop shared code from importing a feature or the app', async () => {
    const feature = "import { useCart } from '@/features/cart/api/get-cart';\nexport const read = useCart;\n";
    expect(await rulesFired(feature, 'src/lib/sample.ts')).toContain(RESTRICTED);
    expect(await rulesFired(feature, 'src/components/Sample.ts')).toContain(RESTRICTED);
    const app = "import { queryClient } from '@/app/providers/query-client';\nexport const client = queryClient;\n";
    expect(await rulesFired(app, 'src/lib/sample.ts')).toContain(RESTRICTED);
  });

  it('stop a feature from importing the app', async () => {
    const code = "import { queryClient } from '@/app/providers/query-client';\nexport const client = queryClient;\n";
    expect(await rulesFired(code, 'src/features/cart/api/sample.ts')).toContain(RESTRICTED);
  });

  it('let a feature import its own files and shared code, and a page import features', async () => {
    const feature = [
      "import { cartKeys } from '@/lib/query-keys';",
      "import { useCart } from '../api/get-cart';",
      'export const parts = [cartKeys.all, useCart];',
      '',
    ].join('\n');
    expect(await rulesFired(feature, 'src/features/cart/components/Sample.ts')).toEqual([]);
    const page = [
      "import { useCart } from '@/features/cart/api/get-cart';",
      "import { useOrders } from '@/features/orders/api/get-orders';",
      'export const parts = [useCart, useOrders];',
      '',
    ].join('\n');
    expect(await rulesFired(page, 'src/app/routes/sample.ts')).toEqual([]);
  });
});

describe('import cycles', () => {
  it('are an error', async () => {
    // no-cycle follows imports on disk, so the two modules are real files, removed afterwards.
    const dir = mkdtempSync(join(web, 'build', 'lint-fixture-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
      writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const results = await eslint.lintFiles([join(dir, 'a.ts')]);
      expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('import-x/no-cycle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
