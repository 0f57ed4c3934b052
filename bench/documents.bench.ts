// Figures for issue 4 (DOC-5): time to render a 扣押决定书 together with its 30-row 扣押清单 as
// HTML, DOCX and PDF, median of N runs after a warm-up, on one core; plus the first PDF of a
// process (which loads and converts the CJK font) and the output sizes.
// Run: npx tsx bench/documents.bench.ts [runs]
import { renderDocx } from '../src/documents-render/render-docx.js';
import { renderPdf } from '../src/documents-render/render-pdf.js';
import { documentType } from '../src/rules/documents/catalogue/index.js';
import { exampleMeta, exampleSeizureDecision, exampleSeizureList } from '../src/rules/documents/examples.js';
import { renderDocumentHtml } from '../src/rules/documents/render-html.js';

const RUNS = Number(process.argv[2] ?? 30);
const decision = { type: documentType('seizure_decision')!, values: exampleSeizureDecision(), meta: exampleMeta() };
const list = { type: documentType('seizure_list')!, values: exampleSeizureList(30), meta: { ...exampleMeta(), documentNumber: null } };

type Output = { length: number };
async function both(render: (type: typeof decision.type, values: typeof decision.values, meta: typeof decision.meta) => Output | Promise<Output>) {
  const first = await render(decision.type, decision.values, decision.meta);
  const second = await render(list.type, list.values, list.meta);
  return first.length + second.length;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function measure(name: string, render: Parameters<typeof both>[0]) {
  const started = performance.now();
  const bytes = await both(render);
  const firstMs = performance.now() - started;
  for (let i = 0; i < 3; i++) await both(render);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await both(render);
    times.push(performance.now() - t0);
  }
  console.log(`${name.padEnd(5)} median ${median(times).toFixed(1).padStart(7)} ms   p90 ${times.sort((a, b) => a - b)[Math.floor(times.length * 0.9)]!.toFixed(1).padStart(7)} ms   first ${firstMs.toFixed(0).padStart(5)} ms   output ${(bytes / 1024).toFixed(1)} KiB`);
}

console.log(`扣押决定书 + 30-row 扣押清单, ${RUNS} runs each (Node ${process.version})`);
await measure('HTML', (type, values, meta) => renderDocumentHtml(type, values, meta));
await measure('DOCX', renderDocx);
await measure('PDF', renderPdf);
