/**
 * The installer build needs a newer Node than the rest: electron-builder 26's native rebuild
 * (@electron/rebuild 4, node-abi 4) requires Node ≥ 22.12, while the core, the command line,
 * the server and every test run on Node 20 (package.json "engines"). On Node 20, `npm ci`
 * warns about exactly those two packages; they are used only by `npm run dist…` and
 * `npm run electron:deps`, which stop here with one line instead of failing deep inside.
 */
import { pathToFileURL } from 'node:url';

export const PACKAGING_NODE = '22.12.0';

/** Null when `version` ("v22.12.1") can build the installer, else the line to print. */
export function packagingNodeProblem(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = PACKAGING_NODE.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Fehler: Der Windows-Installer (electron-builder) braucht Node ${PACKAGING_NODE} oder neuer, hier läuft ${version}. Kern, Server und Tests laufen mit Node 20; für den Installer bitte Node 22 verwenden.`;
}

// Run as a script (also on Windows, and from a folder whose name needs URL escaping).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = packagingNodeProblem(process.version);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
