/** The components every MDX article may use without importing them. Documented in content/README.md. */
import Note from "./Note.astro";
import Quote from "./Quote.astro";

import type { MdxComponentName } from "../../lib/components.ts";

/** Rendered by article pages; checked against the model's list (src/lib/components.ts) by the type below. */
export const mdxComponents = { Quote, Note } satisfies Record<MdxComponentName, unknown>;
