/**
 * Why a path named by an export (a ZIP entry's name, an IT Glue locator) is unsafe to use as a path
 * inside the export, or undefined when it is a plain relative path.
 */
export function unsafeReason(name: string): string | undefined {
  if (name.includes("\\")) return "holds a backslash, which Windows reads as a folder separator";
  if (name.startsWith("/")) return "is an absolute path, outside the export";
  if (/^[A-Za-z]:/.test(name)) return "starts with a drive letter, outside the export";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "holds control characters";
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.includes("..")) return "climbs out of the export with ../";
  if (segments.some((segment) => segment === "" || segment === ".")) return "is not a plain relative path (empty or . segments)";
  return undefined;
}
