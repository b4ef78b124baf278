// Prints the path of a Chromium for the browser tests: $CHROMIUM_PATH, else Playwright's own build
// when downloaded, else Debian's /usr/bin/chromium, which is installed with apt when missing and root.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

// playwright-core is CommonJS; require keeps this script synchronous.
const require = createRequire(import.meta.url);

function playwrightChromium() {
  try {
    const path = require("playwright-core").chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function find() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    process.exit(1);
  }
  const own = playwrightChromium();
  if (own) return own;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(candidate)) return candidate;
  if (process.getuid?.() === 0) {
    console.error("Chromium not found: installing Debian's chromium (apt-get install -y chromium)");
    execSync("apt-get update && apt-get install -y chromium", { stdio: ["ignore", process.stderr, process.stderr] });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error("Chromium not found: set CHROMIUM_PATH, or install Debian's chromium (apt-get install chromium) as root");
  process.exit(1);
}

console.log(find());
