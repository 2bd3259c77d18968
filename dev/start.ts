import fs from 'node:fs';
import path from 'node:path';
import { seedDemoRoadmap } from './demo-seed';
import { createHostServer } from './host/server';
import { LocalForge } from './local-forge';

/** `npm start`: the app's real code on a local Forge, with demo data kept in .data/ across restarts. */
async function main() {
  const root = path.resolve(__dirname, '..');
  const dataDir = process.env.TECH_ROADMAP_DATA_DIR ?? path.join(root, '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  const forge = new LocalForge({ dataFile: path.join(dataDir, 'kvs.sqlite') });
  const seeded = await seedDemoRoadmap(forge);
  const server = createHostServer({ forge, staticDir: path.join(root, 'static', 'build'), stateFile: path.join(dataDir, 'host-state.json') });
  const port = Number(process.env.PORT ?? 8787);
  server.listen(port, '127.0.0.1', () => {
    console.log(seeded ? 'Seeded the demo roadmap (project TR).' : `Using the stored data in ${dataDir}.`);
    console.log(`Tech Roadmap local host: http://127.0.0.1:${port}/`);
    console.log(`  Jira project page:   http://127.0.0.1:${port}/jira/TR/roadmap?user=admin`);
    console.log(`  Jira issue panel:    http://127.0.0.1:${port}/jira/browse/TR-1?user=admin`);
    console.log(`  Confluence macro:    http://127.0.0.1:${port}/confluence/pages/1?user=admin`);
  });
  const stop = () => server.close(() => { forge.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
