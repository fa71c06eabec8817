/**
 * The components MDX articles may use without importing them, and what they need. The site renders them
 * (src/components/mdx/); the model checks their use, so a mistake is reported with its line before any build.
 */
export const MDX_COMPONENTS = {
  /** `<Quote speaker="actor-id" role="…">short quote</Quote>`: an attributed quote linking the speaker. */
  Quote: { actorAttribute: "speaker", required: ["speaker"] },
  /** `<Note title="…">…</Note>`: an aside with context. */
  Note: { required: [] },
} as const satisfies Record<string, { actorAttribute?: string; required: readonly string[] }>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;
