// Validates rendered Kubernetes manifests against the schemas of pinned packages (package-lock.json):
// the upstream Kubernetes API, Gateway API, Strimzi, CloudNativePG and Prometheus operator models.
// Two checks per object, both must pass:
//  1. the package's JSON-Schema validator (types, required fields, enums, patterns);
//  2. a TypeScript type check of the object as a literal of the package's interface, whose excess
//     property check rejects any field the schema does not declare, at every depth (the schema
//     validators alone accept unknown fields).
// Usage: node validate.mjs rendered.yaml...   Exits 1 on any problem.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import ts from "typescript";

const here = new URL(".", import.meta.url).pathname;

// apiVersion -> module prefix of the package that models it.
const groups = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "gateway.networking.k8s.io/v1": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1",
  "kafka.strimzi.io/v1": "@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
  // In no package: see models/barmancloud.cnpg.io/v1/ObjectStore.d.ts.
  "barmancloud.cnpg.io/v1": "./models/barmancloud.cnpg.io/v1",
};
// Module specifiers: packages by subpath export; local models relative to validate.mjs (runtime)
// or to target/objects.ts (type check).
const local = (prefix) => prefix.startsWith("./");
const runtimeModule = (prefix, kind) => local(prefix) ? `${prefix}/${kind}.js` : `${prefix}/${kind}`;
const typeModule = (prefix, kind) => local(prefix) ? `.${prefix}/${kind}.js` : `${prefix}/${kind}`;

const objects = [];
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length) { console.log(`INVALID ${file}: ${doc.errors[0].message}`); process.exit(1); }
    const o = doc.toJS();
    if (o) objects.push({ file, o });
  }
}

let problems = 0;
const report = (i, msg) => {
  const { file, o } = objects[i];
  console.log(`INVALID ${file}: ${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ""}/${o.metadata?.name}: ${msg}`);
  problems++;
};

// 1. Schema validators.
const lines = [];
for (const [i, { o }] of objects.entries()) {
  const prefix = groups[o.apiVersion];
  let mod;
  try { mod = prefix && (await import(runtimeModule(prefix, o.kind))); } catch { mod = undefined; }
  if (!mod || !mod[o.kind]) { report(i, "no pinned schema for this apiVersion and kind"); continue; }
  try { new mod[o.kind](o).validate(); } catch (e) { report(i, e.message.split("\n").slice(0, 4).join(" ")); }
  lines.push(`import type { I${o.kind} as T${i} } from "${typeModule(prefix, o.kind)}";`);
  lines.push(`export const o${i}: T${i} = ${JSON.stringify(o)};`);
}

// 2. Unknown fields: type check every object as a literal of its interface.
// Written beside node_modules so the packages resolve; target/ is ignored by git.
const dir = join(here, "target"); mkdirSync(dir, { recursive: true });
const source = join(dir, "objects.ts");
writeFileSync(source, lines.join("\n") + "\n");
const program = ts.createProgram([source], {
  noEmit: true, strict: true, skipLibCheck: true, types: [],
  module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022, typeRoots: [],
});
const diagnostics = ts.getPreEmitDiagnostics(program);
for (const d of diagnostics) {
  const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (!d.file) { console.log(`ERROR ${text}`); problems++; continue; }
  const line = d.file.getLineAndCharacterOfPosition(d.start).line;
  const m = /^export const o(\d+)/.exec(d.file.text.split("\n")[line] ?? "");
  if (m) report(Number(m[1]), text.slice(0, 400)); else { console.log(`ERROR ${text.slice(0, 400)}`); problems++; }
}
console.log(`${objects.length} objects validated against the pinned schemas, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
