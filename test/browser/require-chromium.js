/**
 * Jest globalSetup for the browser tests: without Chromium they cannot run, so say exactly what to install, once,
 * instead of failing every test with a launch error. `.ci/run` installs it.
 */
const fs = require('node:fs');

module.exports = async () => {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`Browser tests need Chromium at ${chromium}: install it with \`sudo apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH.`);
  }
};
