/** `notice.date`, `agents[0].removedOn`: how a tech reads a field path. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join("");
}
