import type { APIContext } from "astro";
import type { DataFile } from "../../lib/open-data.ts";
import { getOpenData } from "../../lib/site.ts";

/** The open data files (events.csv, events.json, articles.json, entities.json), as the model's build derived them. */
export async function getStaticPaths() {
  const { files } = await getOpenData();
  return files.map((file) => ({ params: { file: file.name }, props: { file } }));
}

export function GET({ props }: APIContext<{ file: DataFile }>) {
  return new Response(props.file.body, { headers: { "content-type": props.file.mediaType } });
}
