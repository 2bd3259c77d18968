import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createHostServer } from './host/server';
import { LocalForge } from './local-forge';
import { seedDemoMacros, seedRichDemo } from './demo-rich';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-'));
  const forge = new LocalForge({ dataFile: path.join(dir, 'kvs.sqlite') });
  await seedRichDemo(forge);
  seedDemoMacros(path.join(dir, 'state.json'));
  const server = createHostServer({ forge, staticDir: path.resolve('static/build'), stateFile: path.join(dir, 'state.json') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  const out = '/tmp/team/screens';
  for (const theme of (process.env.THEMES ?? 'light').split(',')) {
    for (const id of (process.env.PAGES ?? '1,2,3,4,5').split(',')) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
      await page.goto(`http://127.0.0.1:${port}/confluence/pages/${id}?user=${process.env.USER_NAME ?? 'admin'}&theme=${theme}`);
      await page.waitForTimeout(2500);
      if (process.env.CONFIG) {
        await page.click('#edit-macro');
        await page.waitForTimeout(1000);
        const cfg = page.frameLocator('#config-frame');
        await cfg.getByLabel('Project').fill(process.env.CONFIG);
        await page.waitForTimeout(1500);
        await cfg.getByTestId('project-choice').first().click();
        await page.waitForTimeout(2000);
      }
      await page.screenshot({ path: `${out}/macro-${id}${process.env.CONFIG ? '-config' : ''}-${theme}.png`, fullPage: true });
      await page.close();
    }
  }
  await browser.close();
  server.close();
  forge.close();
}
void main().then(() => process.exit(0));
