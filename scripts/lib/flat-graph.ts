/**
 * A graph of plain data — objects, arrays, maps, sets, dates and primitives, shared and cyclic references included —
 * as a few flat columns in which nodes point at each other by number, and back.
 *
 * Why: the render stage derives the site model in a worker thread and posts it to the main thread
 * (./content-worker.ts). `postMessage` clones with V8's serializer, which recurses once per level of the graph, and
 * the model's links run deep: each article links to the one before it (`previous`), so at 10,000 articles the clone
 * needs some 10,000 nested calls and overflows the stack ("Maximum call stack size exceeded"). The columns are one
 * level deep at any size, and few: one array of values and a handful of typed arrays, which V8 clones far faster
 * than the graph's millions of small objects (1.9 million nodes at 10,000 articles). Flattening and rebuilding are
 * loops, not recursion.
 *
 * Anything else in the graph (a function, a class instance, a symbol) would not survive a clone intact: it is refused
 * with its path, so the model stays plain data.
 */

const OBJECT = 0;
const ARRAY = 1;
const MAP = 2;
const SET = 3;
const DATE = 4;

export interface FlatGraph {
  /** Each node's kind (OBJECT … DATE); node 0 is the root. */
  kinds: Uint8Array;
  /** Each object node's shape: the index of its keys, in order, in `shapes`. */
  shapeOf: Uint32Array;
  /** The keys of each shape of object. */
  shapes: string[][];
  /** Where each node's values start in `values`; one more entry than nodes, for the end of the last. */
  starts: Uint32Array;
  /** Every node's values in turn: an object's in its keys' order, a map's keys and values alternately, a date's time. */
  values: unknown[];
  /** 1 where a value is a reference: the number of the node it points at. */
  refs: Uint8Array;
}

/** The graph under `root`, flattened. Throws, naming where, on a value that is not plain data. */
export function flatten(root: object): FlatGraph {
  const ids = new Map<object, number>([[root, 0]]);
  const objects: object[] = [root];
  /** Where each node was first found, for messages: its parent node and the value's place there. */
  const parents: number[] = [-1];
  const places: number[] = [-1];
  const kinds: number[] = [];
  const shapeOf: number[] = [];
  const shapes: string[][] = [];
  const shapeIds = new Map<string, number>();
  const starts: number[] = [];
  const values: unknown[] = [];
  const refs: number[] = [];

  /** The path to a node, or to the value at `place` in it: `(root).articles[3].related`. */
  const pathOf = (id: number, place = -1): string => {
    const labels: string[] = [];
    for (let node = id, at = place; node >= 0; at = places[node] as number, node = parents[node] as number) {
      if (at < 0) continue;
      const kind = kinds[node];
      labels.push(
        kind === OBJECT
          ? `.${(shapes[shapeOf[node] as number] as string[])[at] ?? ""}`
          : kind === MAP
            ? at % 2 === 0
              ? ` (map key ${at / 2})`
              : `.get(${JSON.stringify(values[(starts[node] as number) + at - 1]) ?? "…"})`
            : `[${at}]`,
      );
    }
    return `(root)${labels.reverse().join("")}`;
  };

  for (let id = 0; id < objects.length; id++) {
    const object = objects[id] as object;
    const start = values.length;
    const add = (value: unknown) => {
      if (value === null || (typeof value !== "object" && typeof value !== "function" && typeof value !== "symbol")) {
        values.push(value);
        return;
      }
      if (typeof value !== "object") {
        throw new TypeError(`${pathOf(id, values.length - start)} is a ${typeof value}, not plain data`);
      }
      let ref = ids.get(value);
      if (ref === undefined) {
        ref = objects.length;
        ids.set(value, ref);
        objects.push(value);
        parents.push(id);
        places.push(values.length - start);
      }
      refs.push(values.length);
      values.push(ref);
    };
    starts.push(start);
    shapeOf.push(0);
    if (Array.isArray(object)) {
      kinds.push(ARRAY);
      for (let i = 0; i < object.length; i++) add(object[i]);
    } else if (object instanceof Map) {
      kinds.push(MAP);
      for (const [key, value] of object) {
        add(key);
        add(value);
      }
    } else if (object instanceof Set) {
      kinds.push(SET);
      for (const value of object) add(value);
    } else if (object instanceof Date) {
      kinds.push(DATE);
      values.push(object.getTime());
    } else {
      const prototype: unknown = Object.getPrototypeOf(object);
      if (prototype !== Object.prototype && prototype !== null) {
        const name = (object.constructor as { name?: string } | undefined)?.name ?? "unknown";
        throw new TypeError(`${pathOf(id)} is an instance of ${name}, not plain data`);
      }
      kinds.push(OBJECT);
      const keys = Object.keys(object);
      const signature = keys.join("\u0000");
      let shape = shapeIds.get(signature);
      if (shape === undefined) {
        shape = shapes.length;
        shapeIds.set(signature, shape);
        shapes.push(keys);
      }
      shapeOf[id] = shape;
      for (const key of keys) add((object as Record<string, unknown>)[key]);
    }
  }
  starts.push(values.length);
  const refFlags = new Uint8Array(values.length);
  for (const i of refs) refFlags[i] = 1;
  return {
    kinds: Uint8Array.from(kinds),
    shapeOf: Uint32Array.from(shapeOf),
    shapes,
    starts: Uint32Array.from(starts),
    values,
    refs: refFlags,
  };
}

/** The graph flattened, with its shared and cyclic references as they were. */
export function unflatten<T>(graph: FlatGraph): T {
  const { kinds, shapeOf, shapes, starts, values, refs } = graph;
  const nodes = Array.from(kinds, (kind, id): object => {
    if (kind === ARRAY) return new Array<unknown>((starts[id + 1] as number) - (starts[id] as number));
    if (kind === MAP) return new Map();
    if (kind === SET) return new Set();
    if (kind === DATE) return new Date(values[starts[id] as number] as number);
    return {};
  });
  const value = (i: number) => (refs[i] ? nodes[values[i] as number] : values[i]);
  for (let id = 0; id < nodes.length; id++) {
    const kind = kinds[id];
    const start = starts[id] as number;
    const end = starts[id + 1] as number;
    const node = nodes[id];
    if (kind === ARRAY) {
      for (let i = start; i < end; i++) (node as unknown[])[i - start] = value(i);
    } else if (kind === MAP) {
      for (let i = start; i < end; i += 2) (node as Map<unknown, unknown>).set(value(i), value(i + 1));
    } else if (kind === SET) {
      for (let i = start; i < end; i++) (node as Set<unknown>).add(value(i));
    } else if (kind === OBJECT) {
      const keys = shapes[shapeOf[id] as number] as string[];
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        // Assigning "__proto__" would set the prototype instead of an own property.
        if (key === "__proto__")
          Object.defineProperty(node, key, { value: value(start + k), enumerable: true, writable: true });
        else (node as Record<string, unknown>)[key] = value(start + k);
      }
    }
  }
  return nodes[0] as T;
}
