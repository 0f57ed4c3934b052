// `npm run bench -- ingest`: AV-2 ingest figures. (1) Throughput of one file through the tus API
// on loopback, against a minimal Node server that only streams the request to disk while hashing
// it, in the same run (target ratio ≥ 0.8). (2) Server RSS growth while ingesting a larger file
// (target ≤ 100 MB). (3) Bytes sent again after a SIGKILL at a random point (target ≤ one chunk).
// Sizes: LIUHEN_BENCH_INGEST_MB (default 2048), LIUHEN_BENCH_RSS_MB (default 4096).
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { writeSampleMp4File } from '../test/support/ingest.js';
import { freePort } from '../test/support/server-process.js';
import { adminHeaders, rssMb, startServer, type Server } from './support.js';

const MB = 1024 * 1024;
const throughputMb = Number(process.env.LIUHEN_BENCH_INGEST_MB ?? 2048);
const rssFileMb = Number(process.env.LIUHEN_BENCH_RSS_MB ?? 4096);
const chunk = 64 * MB;
const work = mkdtempSync(join(tmpdir(), 'liuhen-bench-ingest-'));

/** Sends bytes [start, end) of a file as one request body; resolves with status, headers and bytes written. */
function send(url: string, method: string, headers: Record<string, string>, file?: { path: string; start: number; end: number }, onBytes?: (n: number) => void) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string; written: number }>((resolve, reject) => {
    let written = 0;
    const req = request(url, { method, headers: file ? { ...headers, 'content-length': String(file.end - file.start) } : headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, written }));
    });
    req.on('error', (err) => reject(Object.assign(err, { written })));
    if (!file || file.end === file.start) return void req.end();
    const counter = new Transform({
      transform(c: Buffer, _e, done) {
        written += c.length;
        onBytes?.(written);
        done(null, c);
      },
    });
    createReadStream(file.path, { start: file.start, end: file.end - 1, highWaterMark: MB }).pipe(counter).pipe(req);
  });
}

// The yardstick: a server that does the least an ingest must do — write the bytes and hash them.
const minimalServer = `
const http = require('node:http'), fs = require('node:fs'), crypto = require('node:crypto'), path = require('node:path');
http.createServer((req, res) => {
  const hash = crypto.createHash('sha256');
  const file = path.join(process.argv[1], 'min-' + Date.now());
  const out = fs.createWriteStream(file);
  req.on('data', (c) => hash.update(c));
  req.pipe(out).on('close', () => {
    const fd = fs.openSync(file, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    res.end(hash.digest('hex'));
  });
}).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));`;

async function minimalThroughput(file: string, size: number) {
  const port = await freePort();
  const proc = spawn(process.execPath, ['-e', minimalServer, work, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => proc.stdout!.once('data', r));
  const t0 = performance.now();
  const res = await send(`http://127.0.0.1:${port}/`, 'POST', { 'content-type': 'application/octet-stream' }, { path: file, start: 0, end: size });
  const seconds = (performance.now() - t0) / 1000;
  proc.kill();
  if (res.status !== 200) throw new Error(`minimal server: ${res.status}`);
  return size / MB / seconds;
}

async function setUp(server: Server) {
  const admin = await adminHeaders(server.base);
  const post = async (path: string, body: unknown, headers: Record<string, string> = admin) => {
    const r = await fetch(`${server.base}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const s = Date.now().toString(36);
  const agency = await post('/api/agencies', { code: `bi-${s}`, name: `基准测试局${s}`, kind: 'enforcement_agency' });
  const user = await post(`/api/agencies/${agency.id}/users`, { username: `bench${s}`, displayName: '采集站', password: 'Station-pass-2026', roles: ['handler'] });
  const token = (await post(`/api/agencies/${agency.id}/api-tokens`, { name: 'bench', userId: user.id })).token as string;
  return { endpoint: `${server.base}/api/agencies/${agency.id}/av/uploads`, auth: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } };
}

async function createUpload(endpoint: string, auth: Record<string, string>, size: number) {
  const res = await send(endpoint, 'POST', { ...auth, 'upload-length': String(size), 'upload-metadata': `filename ${Buffer.from('bench.mp4').toString('base64')}` });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${res.body}`);
  return String(res.headers.location);
}

async function patchFrom(url: string, auth: Record<string, string>, file: string, size: number, offset: number, onBytes?: (n: number) => void) {
  let at = offset;
  let last;
  while (at < size) {
    const end = Math.min(size, at + chunk);
    last = await send(url, 'PATCH', { ...auth, 'upload-offset': String(at), 'content-type': 'application/offset+octet-stream' }, { path: file, start: at, end }, (n) => onBytes?.(at + n));
    if (last.status !== 204) throw new Error(`PATCH at ${at}: ${last.status} ${last.body}`);
    at = Number(last.headers['upload-offset']);
  }
  return last!;
}

async function tusThroughput(server: Server, file: string, size: number) {
  const { endpoint, auth } = await setUp(server);
  const t0 = performance.now();
  const url = await createUpload(endpoint, auth, size);
  const last = await patchFrom(url, auth, file, size, 0);
  const seconds = (performance.now() - t0) / 1000;
  if (!last.headers['liuhen-av-record-id']) throw new Error('no record id');
  return size / MB / seconds;
}

async function rssGrowth(server: Server, file: string, size: number) {
  const { endpoint, auth } = await setUp(server);
  const before = rssMb(server.proc.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(server.proc.pid!))), 100);
  const url = await createUpload(endpoint, auth, size);
  await patchFrom(url, auth, file, size, 0);
  clearInterval(timer);
  return { before, peak, growth: peak - before };
}

async function resendAfterKill(dataDir: string, port: number, file: string, size: number) {
  let server = await startServer({ dataDir, port });
  const { endpoint, auth } = await setUp(server);
  const url = await createUpload(endpoint, auth, size);
  const killAt = Math.floor((0.2 + Math.random() * 0.6) * size);
  let sent = 0;
  let killed = false;
  await patchFrom(url, auth, file, size, 0, (n) => {
    sent = n;
    if (!killed && n >= killAt) {
      killed = true;
      server.proc.kill('SIGKILL');
    }
  }).catch(() => undefined);
  await new Promise((r) => server.proc.once('exit', r));
  server = await startServer({ dataDir, port });
  const head = await send(url, 'HEAD', auth);
  const offset = Number(head.headers['upload-offset']);
  const last = await patchFrom(url, auth, file, size, offset);
  await server.stop();
  return { killAt: sent, offset, resent: sent - offset, recordId: last.headers['liuhen-av-record-id'] };
}

try {
  const file = join(work, 'bench.mp4');
  const size = throughputMb * MB;
  await writeSampleMp4File(file, size, 'bench');
  const minimal = await minimalThroughput(file, size);
  const server = await startServer({ port: await freePort() });
  const tus = await tusThroughput(server, file, size);
  console.log(`ingest throughput, ${throughputMb} MiB on loopback: tus API ${tus.toFixed(0)} MB/s, minimal stream-to-disk+hash server ${minimal.toFixed(0)} MB/s, ratio ${(tus / minimal).toFixed(2)} (target ≥ 0.8)`);

  const bigFile = rssFileMb === throughputMb ? file : join(work, 'rss.mp4');
  if (bigFile !== file) await writeSampleMp4File(bigFile, rssFileMb * MB, 'bench-rss');
  const rss = await rssGrowth(server, bigFile, rssFileMb * MB);
  console.log(`server RSS while ingesting ${rssFileMb} MiB: ${rss.before.toFixed(0)} MB before, ${rss.peak.toFixed(0)} MB peak, growth ${rss.growth.toFixed(0)} MB (target ≤ 100 MB)`);
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });

  const resumeDir = mkdtempSync(join(tmpdir(), 'liuhen-bench-resume-'));
  const resume = await resendAfterKill(resumeDir, await freePort(), file, Math.min(size, 1024 * MB));
  console.log(`SIGKILL at ${(resume.killAt / MB).toFixed(1)} MiB sent; server held ${(resume.offset / MB).toFixed(1)} MiB; bytes sent again on resume ${(resume.resent / MB).toFixed(2)} MiB (chunk ${chunk / MB} MiB; target ≤ one chunk) → record ${resume.recordId ? 'registered' : 'MISSING'}`);
  rmSync(resumeDir, { recursive: true, force: true });
} finally {
  rmSync(work, { recursive: true, force: true });
}
