/** Characters XML 1.0 does not allow at all, even escaped: control characters, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made safe for XML and HTML, as element content or a quoted attribute value: whatever a
 * record holds comes out as the same text, never as markup; a character XML cannot hold becomes
 * U+FFFD.
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "\ufffd").replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}
