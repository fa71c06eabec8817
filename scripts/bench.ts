/**
 * The build benchmark: builds one synthetic corpus (scripts/lib/corpus.ts) with this project and with the floor — a
 * bare Astro site rendering the same bodies the same way, then Pagefind (bench/floor/) — alternating A B A B, each
 * from a clean state, and prints wall time, peak memory of the whole process tree, pages, output size, precache
 * size, the project's stages, medians and the ratios to the floor. With --rebuild it also adds one article after
 * each pair of clean builds and rebuilds both without cleaning. The machine is shared and noisy: read the medians
 * and ratios, not single runs. Figures only; nothing here passes or fails.
 *
 * Usage: npm run bench -- [--articles 1000] [--entities N] [--runs 2] [--rebuild] [--seed 42]
 *        npm run bench -- --model-only [--articles 1000]   (the model's micro figures: matcher, parse, model, rules)
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { collectBlocks, parseBody } from "../src/lib/blocks.ts";
import { loadContent } from "../src/lib/content-files.ts";
import { MentionMatcher } from "../src/lib/mentions.ts";
import { checkDerivation } from "../src/lib/check.ts";
import { deriveModel, mentionTargets } from "../src/lib/model.ts";
import { astroEnv } from "./lib/astro-env.ts";
import type { BuildReport } from "./lib/build-report.ts";
import { addArticle, generateCorpus, writeCorpusFiles, type CorpusOptions } from "./lib/corpus.ts";

const USAGE = "Usage: npm run bench -- [--articles 1000] [--entities N] [--runs 2] [--rebuild] [--model-only]";
let values: {
  articles: string;
  entities?: string;
  runs: string;
  seed: string;
  rebuild: boolean;
  "model-only": boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000" },
      entities: { type: "string" },
      runs: { type: "string", default: "2" },
      seed: { type: "string", default: "42" },
      rebuild: { type: "boolean", default: false },
      "model-only": { type: "boolean", default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const positive = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} takes a positive whole number, not "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const options: CorpusOptions = {
  articles: positive("articles", values.articles) ?? 1000,
  seed: positive("seed", values.seed) ?? 42,
  ...(values.entities ? { entities: positive("entities", values.entities) ?? 0 } : {}),
};
const runs = positive("runs", values.runs) ?? 2;

const BENCH = resolve(".tmp/bench");
const CONTENT = join(BENCH, "content");

// ---------------------------------------------------------------------------------------------------------------
// The corpus, generated once per invocation.

const started = performance.now();
const corpus = generateCorpus(options);
writeCorpusFiles(CONTENT, corpus);
const count = (folder: string) => corpus.entities.filter((e) => e.folder === folder).length;
const sum = (f: (a: (typeof corpus.articles)[number]) => number) => corpus.articles.reduce((n, a) => n + f(a), 0);
const mdx = corpus.articles.filter((a) => a.file.endsWith(".mdx")).length;
console.log(
  `node ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `load average ${loadavg()[0]?.toFixed(2)} at start`,
);
console.log(
  `corpus (seed ${options.seed}): ${corpus.articles.length} articles (${mdx} .mdx, ${corpus.articles.length - mdx} .md, ` +
    `${sum((a) => (a.hasTable ? 1 : 0))} with a table), ${sum((a) => a.words).toLocaleString("en-GB")} words, ` +
    `${sum((a) => a.events)} events (${sum((a) => a.statusEvents)} crossing status changes); ` +
    `${corpus.entities.length} entities (${count("actors")} actors, ${count("crossings")} crossings, ${count("themes")} themes) ` +
    `in ${relative(process.cwd(), CONTENT)}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);

if (values["model-only"]) {
  modelOnly();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// The two builds.

interface Target {
  name: "project" | "floor";
  argv: string[];
  outDir: string;
  /** What a clean build starts without: its output and every cache Astro or Vite keeps between builds. */
  clean: string[];
}

const targets: Target[] = [
  {
    name: "project",
    // `npm run build`, with the Node that runs this script (the project's pinned Node).
    argv: ["scripts/build.ts"],
    outDir: join(BENCH, "project-dist"),
    clean: [join(BENCH, "project-dist"), ".astro", "node_modules/.astro", "node_modules/.vite"],
  },
  {
    name: "floor",
    argv: ["bench/floor/build.mjs"],
    outDir: join(BENCH, "floor-dist"),
    clean: [join(BENCH, "floor-dist"), "bench/floor/.astro", "bench/floor/node_modules"],
  },
];

interface Result {
  /** As in the log's name, e.g. project-rebuild-1. */
  label: string;
  target: Target["name"];
  kind: "clean" | "rebuild";
  wallMs: number;
  /** User and system CPU time of the whole process tree. */
  cpuMs: number;
  peakRss: number;
  /** The processes at the peak, e.g. "tsx 60 MiB + build.ts 250 MiB + astro 700 MiB". */
  atPeak: string;
  pages: number;
  distBytes: number;
  report: Report;
}

/** What a build reports (scripts/lib/build-report.ts); the floor has fewer stages and no precache. */
type Report = Omit<Partial<BuildReport>, "stages"> & { stages: Record<string, number> };

interface Process {
  pid: number;
  /** Resident memory in bytes. */
  rss: number;
  /** The command line, arguments separated by NUL. */
  command: string;
}

/**
 * The processes of a tree — the root and all its descendants — with their resident memory, read from /proc. A child
 * that has been forked but has not yet replaced itself with its program (it still has its parent's command line)
 * shares its parent's pages: it is left out, or a process starting a helper would count twice for an instant.
 */
function processTree(root: number): Process[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited between the listing and the read
    }
    // The command name may hold spaces and parentheses; the fields after its closing parenthesis are fixed.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const list = children.get(ppid);
    if (list) list.push(Number(entry));
    else children.set(ppid, [Number(entry)]);
  }
  const tree: Process[] = [];
  const queue: { pid: number; parentCommand?: string }[] = [{ pid: root }];
  for (let next = queue.pop(); next; next = queue.pop()) {
    const { pid, parentCommand } = next;
    let command: string;
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (command !== parentCommand) tree.push({ pid, rss: Number(kb ?? 0) * 1024, command });
    } catch {
      continue; // exited
    }
    for (const child of children.get(pid) ?? []) queue.push({ pid: child, parentCommand: command });
  }
  return tree;
}

/** A short name for a process: the package or script Node runs (`tsx`, `build.ts`, `astro`), or the binary. */
function processName(command: string): string {
  const [program = "?", ...rest] = command.split("\0").filter(Boolean);
  if (basename(program) !== "node") return basename(program);
  // The main module is the first argument that is neither an option nor an option's value (--import x).
  let main: string | undefined;
  for (let i = 0; i < rest.length && !main; i++) {
    const arg = rest[i] ?? "";
    if (/^(-r|--require|--import|--loader)$/.test(arg)) i++;
    else if (!arg.startsWith("-")) main = arg;
  }
  if (!main) return "node";
  return /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(main)?.[1] ?? basename(main);
}

/** The children's line of bash's `times` ("0m12.345s 0m1.234s"), as user + system milliseconds. */
function childrenCpu(times: string): number {
  const line = times.trim().split("\n")[1] ?? "";
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (ms, [, m, sec]) => ms + (Number(m) * 60 + Number(sec)) * 1000,
    0,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

async function run(target: Target, kind: Result["kind"], label: string): Promise<Result> {
  if (kind === "clean") for (const path of target.clean) rmSync(path, { recursive: true, force: true });
  const report = join(BENCH, "reports", `${label}.json`);
  const log = join(BENCH, "logs", `${label}.log`);
  for (const path of [report, log]) rmSync(path, { force: true });
  const fd = openSync(log, "w");
  const begin = performance.now();
  // bash's `times` reports the CPU time of everything the build ran (each process waits for its children): a figure
  // that, unlike wall time, barely moves when other work shares the machine.
  const script = `"$0" "$@"; code=$?; times >&3; exit $code`;
  const child = spawn("bash", ["-c", script, process.execPath, ...target.argv], {
    stdio: ["ignore", fd, fd, "pipe"],
    env: {
      ...astroEnv(),
      ASTRO_TELEMETRY_DISABLED: "1",
      CONTENT_DIR: CONTENT,
      OUT_DIR: target.outDir,
      BUILD_REPORT: report,
    },
  });
  let peak = 0;
  let atPeak = "";
  const sample = () => {
    if (!child.pid) return;
    const tree = processTree(child.pid);
    const total = tree.reduce((n, p) => n + p.rss, 0);
    if (total <= peak) return;
    peak = total;
    atPeak = tree.map((p) => `${processName(p.command)} ${mib(p.rss)}`).join(" + ");
  };
  const timer = setInterval(sample, 100);
  sample();
  let times = "";
  child.stdio[3]?.on("data", (chunk: Buffer) => (times += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const wallMs = performance.now() - begin;
  clearInterval(timer);
  closeSync(fd);
  if (code !== 0) {
    const tail = readFileSync(log, "utf8").split("\n").slice(-30).join("\n");
    console.error(
      `\nThe ${target.name} build failed (exit ${code}); the end of ${relative(process.cwd(), log)}:\n${tail}`,
    );
    process.exit(1);
  }
  const files = filesUnder(target.outDir);
  return {
    label,
    target: target.name,
    kind,
    wallMs,
    cpuMs: childrenCpu(times),
    peakRss: peak,
    atPeak,
    pages: files.filter((f) => f.endsWith(".html")).length,
    distBytes: files.reduce((n, f) => n + statSync(f).size, 0),
    report: existsSync(report) ? (JSON.parse(readFileSync(report, "utf8")) as Report) : { stages: {} },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures.

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : "—");

const COLUMNS = ["", "wall", "CPU", "peak RSS", "pages", "dist", "precache"] as const;
const WIDTHS = [26, 9, 9, 10, 7, 10, 22];
const row = (cells: readonly string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i] ?? 0) : c.padStart(WIDTHS[i] ?? 0))).join(" ");

function line(label: string, r: Result): string {
  const precache = r.report.precacheBytes ? `${mb(r.report.precacheBytes)} (${r.report.precacheFiles} files)` : "—";
  return row([label, seconds(r.wallMs), seconds(r.cpuMs), mib(r.peakRss), String(r.pages), mb(r.distBytes), precache]);
}

function medianOf(results: Result[]): Result | undefined {
  const first = results[0];
  if (!first) return undefined;
  const stages: Record<string, number> = {};
  for (const key of Object.keys(first.report.stages))
    stages[key] = median(results.map((r) => r.report.stages[key] ?? 0));
  return {
    ...first,
    wallMs: median(results.map((r) => r.wallMs)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakRss: median(results.map((r) => r.peakRss)),
    distBytes: median(results.map((r) => r.distBytes)),
    report: { ...first.report, stages },
  };
}

/**
 * Each stage's time and share of its run's wall time, as medians over the runs; what no stage covers (starting
 * Node and loading modules, exiting) is the rest. Shares are taken run by run, so they stay consistent with each
 * other however much a single run was slowed down.
 */
function stageLines(name: string, list: Result[]): string[] {
  const keys = Object.keys(list[0]?.report.stages ?? {});
  // Some stages run side by side (see build-report.ts): what no stage covers is the wall time less the time the
  // stages covered together, each moment once; their shares add up to more than the wall time they took.
  const rest = (r: Result) =>
    r.wallMs - (r.report.coveredMs ?? Object.values(r.report.stages).reduce((n, ms) => n + ms, 0));
  const figure = (label: string, ms: (r: Result) => number) => {
    const time = seconds(median(list.map(ms))).padStart(8);
    const share = (median(list.map((r) => ms(r) / r.wallMs)) * 100).toFixed(1).padStart(5);
    return `  ${label.padEnd(16)} ${time}  ${share} %`;
  };
  return [
    `${name} stages: median time and median share of the wall time over ${list.length} run(s)`,
    ...keys.map((key) => figure(key, (r) => r.report.stages[key] ?? 0)),
    figure("start-up, exit", rest),
    ...overlaps(keys),
  ];
}

/** Which of a build's stages overlap, so that their shares add up to more than the whole. */
function overlaps(keys: readonly string[]): string[] {
  const notes = [
    ...(keys.includes("astroPages")
      ? ["astroPages is the end of astro: generating the pages, after bundling them"]
      : []),
    ...(keys.includes("check") ? ["check and model run beside astro's start, pagefind beside offlineCopy"] : []),
  ];
  return notes.map((note, i) => `  (${note}${i === notes.length - 1 ? ": the shares add up to more" : ""})`);
}

// ---------------------------------------------------------------------------------------------------------------

for (const dir of ["reports", "logs"]) {
  rmSync(join(BENCH, dir), { recursive: true, force: true });
  mkdirSync(join(BENCH, dir), { recursive: true });
}
console.log(
  `${runs} run(s), A B A B${values.rebuild ? ", each pair followed by a rebuild of each after adding one article" : ""}. ` +
    `Before each clean build its output and caches are deleted — project: ${targets[0]?.clean.map((p) => relative(process.cwd(), p)).join(", ")}; ` +
    `floor: ${targets[1]?.clean.map((p) => relative(process.cwd(), p)).join(", ")}. ` +
    `CPU: user + system time of the build's whole process tree. ` +
    `Peak RSS: the sum over the build's whole process tree, sampled every 100 ms. Logs: ${relative(process.cwd(), join(BENCH, "logs"))}/.`,
);
console.log(row(COLUMNS));

const results: Result[] = [];
for (let i = 1; i <= runs; i++) {
  for (const target of targets) {
    const r = await run(target, "clean", `${target.name}-${i}`);
    results.push(r);
    console.log(line(`${target.name} run ${i}`, r));
  }
  if (values.rebuild) {
    const added = addArticle(CONTENT, options);
    for (const target of targets) {
      const r = await run(target, "rebuild", `${target.name}-rebuild-${i}`);
      results.push(r);
      console.log(line(`${target.name} rebuild ${i} (+1)`, r));
    }
    // The next clean pair builds the corpus as generated.
    rmSync(join(CONTENT, added.file));
  }
}

const pick = (target: Target["name"], kind: Result["kind"]) =>
  medianOf(results.filter((r) => r.target === target && r.kind === kind));
const project = pick("project", "clean");
const floor = pick("floor", "clean");
if (project && floor) {
  const clean = (target: Target["name"]) => results.filter((r) => r.target === target && r.kind === "clean");
  console.log(line("median project", project));
  console.log(line("median floor", floor));
  console.log(
    row([
      "project / floor",
      ratio(project.wallMs, floor.wallMs),
      ratio(project.cpuMs, floor.cpuMs),
      ratio(project.peakRss, floor.peakRss),
      ratio(project.pages, floor.pages),
      ratio(project.distBytes, floor.distBytes),
      "",
    ]),
  );
  // Each project run is followed by its floor run: the ratio within each pair, whatever the machine's speed was
  // then, and their median, is the steadier comparison on a shared machine.
  const floors = clean("floor");
  const pairs = clean("project").flatMap((p, i) => {
    const f = floors[i];
    return f ? [{ wall: p.wallMs / f.wallMs, cpu: p.cpuMs / f.cpuMs, peak: p.peakRss / f.peakRss }] : [];
  });
  if (pairs.length > 1) {
    const each = (ratio: (pair: (typeof pairs)[number]) => number) =>
      `${median(pairs.map(ratio)).toFixed(2)}x (${pairs.map((pair) => ratio(pair).toFixed(2)).join(", ")})`;
    console.log(
      `pair by pair, median (each pair): wall ${each((p) => p.wall)}; CPU ${each((p) => p.cpu)}; ` +
        `peak RSS ${each((p) => p.peak)}`,
    );
  }
  console.log(
    "(goals at 1,000 and 10,000 articles: wall ≤ 1.25x, peak RSS ≤ 1.25x, and no growth from 1,000 to 10,000; " +
      "while others load the machine, the CPU ratio is the steadier reading of time)",
  );
  console.log("");
  for (const l of [...stageLines("project", clean("project")), ...stageLines("floor", clean("floor"))]) console.log(l);
  console.log("");
}
console.log("");
console.log("peak memory by process (resident sets when the tree's sum peaked; logs in .tmp/bench/logs/<run>.log):");
for (const r of results) console.log(`  ${r.label}: ${r.atPeak}`);
const projectRebuild = pick("project", "rebuild");
const floorRebuild = pick("floor", "rebuild");
if (project && floor && projectRebuild && floorRebuild) {
  console.log("");
  console.log(row(COLUMNS));
  console.log(line("median project rebuild", projectRebuild));
  console.log(line("median floor rebuild", floorRebuild));
  console.log(
    row([
      "project / floor rebuild",
      ratio(projectRebuild.wallMs, floorRebuild.wallMs),
      ratio(projectRebuild.cpuMs, floorRebuild.cpuMs),
      ratio(projectRebuild.peakRss, floorRebuild.peakRss),
      "",
      "",
      "",
    ]),
  );
  console.log(
    `rebuild after adding one article / clean build: project wall ${ratio(projectRebuild.wallMs, project.wallMs)}, ` +
      `CPU ${ratio(projectRebuild.cpuMs, project.cpuMs)}; floor wall ${ratio(floorRebuild.wallMs, floor.wallMs)}, ` +
      `CPU ${ratio(floorRebuild.cpuMs, floor.cpuMs)}`,
  );
  const rebuilds = results.filter((r) => r.target === "project" && r.kind === "rebuild");
  for (const l of stageLines("project rebuild", rebuilds)) console.log(l);
}
console.log(`load average ${loadavg()[0]?.toFixed(2)} at the end`);

// ---------------------------------------------------------------------------------------------------------------

/** The model's own figures, in this process: reading, the matcher, parsing, matching and the whole model. */
function modelOnly(): void {
  const time = <T>(label: string, fn: () => T): [T, number] => {
    const start = performance.now();
    const result = fn();
    const ms = performance.now() - start;
    console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms`);
    return [result, ms];
  };
  const [loaded] = time("read and validate the content", () => loadContent(CONTENT, { includeDrafts: true }));
  const { input } = loaded;
  const [matcher] = time("build the matcher", () => new MentionMatcher(mentionTargets(input)));
  const [blocks] = time("parse every article body (remark + MDX)", () =>
    input.articles.map((a) => collectBlocks(parseBody(a.body, a.file.endsWith(".mdx")))),
  );
  const words = input.articles.reduce((n, a) => n + a.body.split(/\s+/).length, 0);
  const [mentions, matchMs] = time("find mentions in every body", () =>
    blocks.flat().reduce((n, b) => n + matcher.find(b.text).length, 0),
  );
  const [derivation, modelMs] = time("whole site model (parse + match + relations)", () => deriveModel(input));
  const [problems] = time("every content rule over the model", () => checkDerivation(loaded, derivation));
  if (problems.length > 0)
    console.log(`(${problems.length} problem(s) in the corpus: npm run check:content lists them)`);
  console.log(
    `words: ${words}; mentions: ${mentions}; matching: ${(((words / matchMs) * 1000) / 1e6).toFixed(1)} M words/s`,
  );
  console.log(`matching share of the model: ${((matchMs / modelMs) * 100).toFixed(1)} %`);
}
