import type { APIRoute } from "astro";
import { outlines, packFor } from "virtual:handover/packs";

/** `<slug>/<slug>.ics`: the pack's calendar, made with the pack (scripts/pack/pack-data.ts). */
export async function getStaticPaths() {
  return (await outlines()).map((outline) => ({ params: { client: outline.slug, calendar: outline.slug } }));
}

export const GET: APIRoute = async ({ params }) => {
  const pack = await packFor(params.client as string);
  return new Response(pack.calendar, { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
};
