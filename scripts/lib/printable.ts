/** A name as a tech can read it in a one-line message: control characters shown, not obeyed. */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
