import { lstatSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { loadConfigFile } from "../load/config-file.ts";
import type { Problem } from "../lib/problems.ts";
import { problemAt } from "../lib/problem-at.ts";
import { BRANDING_SCHEMA } from "../schema/registry.ts";

export const BRANDING_FILE = "branding.yml";
export const RULE = "branding";

const MAX_LOGO_BYTES = 200 * 1024;
const MIME = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", svg: "image/svg+xml" } as const;

export interface BrandingFile {
  name: string;
  logo?: string;
  colours: { primary: string; accent: string };
  contact: { phone: string; email: string; website?: string };
}

/** Branding ready for the pack: the logo is a data URL, so the pack never requests another file or host. */
export interface Branding extends Omit<BrandingFile, "logo"> {
  logo: string | undefined;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export function loadBranding(root: string): { branding: Branding | undefined; problems: Problem[] } {
  const config = loadConfigFile<BrandingFile>(root, BRANDING_FILE, BRANDING_SCHEMA, RULE);
  if (!config.data) return { branding: undefined, problems: config.problems };
  const { data } = config;
  const problems: Problem[] = [];
  for (const key of ["primary", "accent"] as const) {
    const ratio = contrast(data.colours[key], "#ffffff");
    if (ratio < 4.5) {
      problems.push(problemAt(config.file, config.at(["colours", key]), RULE, `colour ${data.colours[key]} has a contrast of ${ratio.toFixed(1)}:1 on white; choose a darker one (at least 4.5:1) so text stays readable`));
    }
  }
  let logo: string | undefined;
  if (data.logo) {
    const path = join(config.dir, data.logo);
    const outside = relative(config.dir, path).split(sep)[0] === "..";
    let size = -1;
    try {
      const stat = lstatSync(path);
      size = stat.isFile() ? stat.size : -1;
    } catch {
      size = -1;
    }
    if (outside || size < 0) {
      problems.push(problemAt(config.file, config.at(["logo"]), RULE, `the logo \`${data.logo}\` is not a file next to ${BRANDING_FILE} (links and paths outside its folder are refused)`));
    } else if (size > MAX_LOGO_BYTES) {
      problems.push(problemAt(config.file, config.at(["logo"]), RULE, `the logo is ${size} bytes; keep it under ${MAX_LOGO_BYTES} bytes`));
    } else {
      const extension = data.logo.split(".").pop()?.toLowerCase() as keyof typeof MIME;
      logo = `data:${MIME[extension]};base64,${readFileSync(path).toString("base64")}`;
    }
  }
  return problems.length > 0 ? { branding: undefined, problems } : { branding: { ...data, logo }, problems: [] };
}
