// Parses and validates an AsyncAPI document with the AsyncAPI initiative's own parser (its
// specification schema and Spectral rules), resolving the relative $refs to the event schemas.
// Exits non-zero on any error-level diagnostic.
import { Parser, fromFile } from '@asyncapi/parser';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, path.resolve(file)).parse();
const severities = ['error', 'warning', 'info', 'hint'];
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
const errors = diagnostics.filter(d => d.severity === 0);
if (!document || errors.length > 0) {
  console.error(`${file}: ${errors.length} error(s)`);
  process.exit(1);
}
const messages = document.allMessages().length;
console.log(`${file}: valid AsyncAPI ${document.version()}, ${document.allChannels().length} channels, ${messages} messages, ${diagnostics.length - errors.length} warning(s)/hint(s)`);
