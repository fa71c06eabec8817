/**
 * Rule: an article tags exactly the actors, crossings and places its body names. A name without the tag leaves the article
 * off the entity's page; a tag without the name puts it on a page the body says nothing about. Themes are left out:
 * a theme is what an article is substantially about, not a word it uses, so its keywords neither demand the tag
 * nor does the tag demand a keyword. A place that leaves its name to an actor (`shorthandFor`: "Islamabad" the city,
 * whose name the sources use for Pakistan's government) is found by its tag alone, so its tag needs no mention.
 * Warnings: the editor judges.
 */
import type { EntityKind } from "../mentions.ts";
import { collectionOf, type EntityKey } from "../model.ts";
import { at, type Rule } from "./context.ts";

const isTheme = (key: EntityKey) => key.startsWith("theme:");

export const mentionsAndTags: Rule = ({ input, model, bodies, nameClash }) => {
  // Two entries claiming one name stop the mention engine (the name-clashes rule reports it): with no mentions
  // found, every tag would look unnamed, a warning per article that all follow from that one error.
  if (nameClash) return [];
  const byFile = new Map(model.articles.map((a) => [a.file, a]));
  return input.articles.flatMap((entry) => {
    const article = byFile.get(entry.file);
    // A body that does not parse has already been reported; its mentions cannot be compared with its tags.
    if (!article || !bodies.of(entry).tree) return [];
    const mentioned = [...new Set(article.mentions.map((m) => m.entity))].filter((k) => !isTheme(k));
    const tagged = article.tagged.filter((k) => !isTheme(k));
    const byTagAlone = (key: EntityKey) => {
      const entity = model.entities.get(key)?.entity;
      return entity?.kind === "place" && entity.entry.data.shorthandFor !== undefined;
    };
    const split = (key: EntityKey) => key.split(":") as [EntityKind, string];
    return [
      ...mentioned
        .filter((key) => !tagged.includes(key))
        .map((key) => {
          const [kind, id] = split(key);
          const first = article.mentions.find((m) => m.entity === key);
          return {
            ...at(entry, collectionOf[kind]),
            message: `the body mentions ${kind} "${id}" ("${first?.text}") but the article does not tag it`,
            fix: `add ${id} to ${collectionOf[kind]}, or reword the body`,
            severity: "warning" as const,
          };
        }),
      ...tagged
        .filter((key) => !mentioned.includes(key) && !byTagAlone(key))
        .map((key) => {
          const [kind, id] = split(key);
          return {
            ...at(entry, collectionOf[kind]),
            message: `the article tags ${kind} "${id}" but the body never mentions it`,
            fix: `name it in the body (by its name or an alias), or remove ${id} from ${collectionOf[kind]}`,
            severity: "warning" as const,
          };
        }),
    ];
  });
};
