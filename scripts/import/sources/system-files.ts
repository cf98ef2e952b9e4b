/** Files a system or an archiver drops into exports (Finder's, Explorer's, macOS's ZIP resource forks): never data, never worth a problem. */
const SYSTEM_FILE = /(?:^|\/)(?:\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$|^__MACOSX\//;

export function isSystemFile(path: string): boolean {
  return SYSTEM_FILE.test(path);
}
