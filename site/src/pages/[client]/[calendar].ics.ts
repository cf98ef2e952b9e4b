import type { APIRoute } from "astro";
import { outlines, packFor } from "virtual:handover/packs";

/**
 * `<slug>/<slug>.ics`: the pack's calendar, made with the pack (scripts/pack/pack-data.ts). Every
 * outline lists it, as the dates are known only once the pack is made; a client with no dates yet
 * has none, and its route answers 404, which the build writes as no file.
 */
export async function getStaticPaths() {
  return (await outlines()).map((outline) => ({ params: { client: outline.slug, calendar: outline.slug } }));
}

export const GET: APIRoute = async ({ params }) => {
  const pack = await packFor(params.client as string);
  if (pack.calendar === undefined) return new Response(null, { status: 404 });
  return new Response(pack.calendar, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
