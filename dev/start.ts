import fs from 'node:fs';
import path from 'node:path';
import { seedDemoMacros, seedRichDemo } from './demo-rich';
import { createHostServer } from './host/server';
import { LocalForge } from './local-forge';

/** `npm start`: the app's real code on a local Forge, with demo data kept in .data/ across restarts. */
async function main() {
  const root = path.resolve(__dirname, '..');
  const dataDir = process.env.TECH_ROADMAP_DATA_DIR ?? path.join(root, '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  const forge = new LocalForge({ dataFile: path.join(dataDir, 'kvs.sqlite') });
  // The rich demo for every project without a roadmap, and the Confluence demo pages' macros (before the host reads them).
  const started = Date.now();
  const seeded = await seedRichDemo(forge);
  // The scheduled digest, as Forge would run it daily (a second start the same day finds it done and writes nothing).
  const digest = await forge.runDigest();
  const stateFile = path.join(dataDir, 'host-state.json');
  const macros = seedDemoMacros(stateFile);
  const server = createHostServer({ forge, staticDir: path.join(root, 'static', 'build'), stateFile });
  const port = Number(process.env.PORT ?? 8787);
  server.listen(port, '127.0.0.1', () => {
    if (seeded.seeded.length > 0) console.log(`Seeded the demo roadmaps of ${seeded.seeded.join(' and ')} in ${Date.now() - started} ms.`);
    if (seeded.kept.length > 0) console.log(`Kept the stored roadmaps of ${seeded.kept.join(' and ')} (${dataDir}; delete it for a fresh demo).`);
    console.log(
      `Daily digest of ${digest.day}: ${digest.skipped ?? `${digest.written.length} written, ${digest.unchanged.length} unchanged, ${digest.failed.length} failed`}.`,
    );
    if (macros.length > 0) console.log(`Configured the macro on Confluence page${macros.length === 1 ? '' : 's'} ${macros.join(' and ')}.`);
    console.log(`Tech Roadmap local host: http://127.0.0.1:${port}/`);
    console.log(`  Jira project page:   http://127.0.0.1:${port}/jira/TR/roadmap?user=admin`);
    console.log(`  Jira project page:   http://127.0.0.1:${port}/jira/PAY/roadmap?user=admin`);
    console.log(`  Jira issue panel:    http://127.0.0.1:${port}/jira/browse/TR-1?user=admin`);
    console.log(`  Confluence macro:    http://127.0.0.1:${port}/confluence/pages/1?user=admin   (executive one-pager)`);
    console.log(`                       pages/2 board · pages/3 timeline · pages/4 capacity · pages/5 changelog digest`);
  });
  const stop = () =>
    server.close(() => {
      forge.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
