import fc from 'fast-check';

// Generated HTTP requests for one OpenAPI operation: real ids in the path most of the time (so
// input reaches the use case), and bad input everywhere — NUL bytes, over-deep JSON, wrong types,
// odd and oversized headers, wrong content types, tus headers with bad values.

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[] };
type Parameter = { in: 'path' | 'query' | 'header'; name: string; schema?: Schema };
export type Operation = { path: string; method: string; op: { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } } };
export type FuzzRequest = { url: string; headers: Record<string, string>; payload?: string | Buffer };

const nul = fc.constantFrom('\u0000', 'a\u0000b', '名称\u0000', '\u0000'.repeat(3), '{"a":"\u0000"}');
const nasty = fc.constantFrom('', ' ', '　', 'x'.repeat(5000), '\uD800', '../../etc/passwd', '%00', '<script>alert(1)</script>', "' or 1=1 --", '1e309', '-0', 'NaN', 'null', 'true', '9'.repeat(40), '2026-02-30', '2026-03-02T25:61:00Z', '00000000-0000-0000-0000-000000000000', '=HYPERLINK("x")', '\t\r\n', '🙂'.repeat(100));
const text = fc.oneof({ weight: 2, arbitrary: fc.string() }, { weight: 3, arbitrary: nul }, { weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) });
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.bigInt().map(String));
const value = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.dictionary(text, scalar, { maxKeys: 4 }) }, { weight: 1, arbitrary: fc.anything() });

/** Nested `depth` deep, as text (a value this deep must not be built by recursive code here either). */
const deepJson = (key: string, depth: number, array: boolean) => (array ? `{"${key}":${'['.repeat(depth)}1${']'.repeat(depth)}}` : `{"${key}":${'{"a":'.repeat(depth)}"\u0000"${'}'.repeat(depth)}}`);

function bodyFor(schema: Schema | undefined) {
  const keys = Object.keys(schema?.properties ?? {});
  const key = keys.length ? fc.constantFrom(...keys) : text;
  const shaped = fc.dictionary(key, value, { maxKeys: Math.max(keys.length, 3) }).map((o) => JSON.stringify(o));
  const nulEverywhere = fc.constant(JSON.stringify(Object.fromEntries(keys.map((k) => [k, `值\u0000${k}`]))));
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 2, arbitrary: nulEverywhere },
    { weight: 2, arbitrary: fc.tuple(key, fc.integer({ min: 40, max: 6000 }), fc.boolean()).map(([k, d, a]) => deepJson(String(k), d, a)) },
    { weight: 1, arbitrary: fc.anything().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', '[1,2', '{}}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '', 'null', '"\\u0000"', '\uFEFF{}') },
    { weight: 1, arbitrary: fc.string().map((s) => s) },
  );
}

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 2, arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/offset+octet-stream', 'application/JSON', 'application/json;;', 'image/png', '*/*', 'x') },
);

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const intLike = fc.oneof(fc.nat().map(String), fc.constantFrom('-1', '1.5', 'abc', '', ' 10', '99999999999999999999', '0x10', '1e3'));
const metadataValue = fc.oneof(text, fc.uuid()).map((s) => Buffer.from(s).toString('base64'));
const metadataKey = fc.constantFrom('filename', 'sha256', 'matterId', 'stepId', 'officerId', 'officerCertificateNo', 'deviceSerial', 'startedAt', 'endedAt', 'place', 'remoteWork', 'returnedAt', 'lateReason', 'recordedBy', 'kind', 'title', 'x');
const uploadMetadata = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.tuple(metadataKey, metadataValue), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${k} ${v}`).join(',')) },
  { weight: 1, arbitrary: printable },
);
const tusHeaders = fc.record(
  {
    'tus-resumable': fc.oneof({ weight: 5, arbitrary: fc.constant('1.0.0') }, { weight: 1, arbitrary: fc.constantFrom('0.2.2', '', '1.0', '2') }),
    'upload-length': intLike,
    'upload-offset': intLike,
    'upload-metadata': uploadMetadata,
    'upload-concat': fc.constantFrom('partial', 'final;/a /b', 'final;', 'x'),
    'upload-defer-length': fc.constantFrom('1', '0', 'x'),
  },
  { requiredKeys: [] },
);
const oddHeaders = fc.record(
  {
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', 'x/y;q=abc', ''),
    'accept-encoding': fc.constantFrom('gzip;q=2', 'br', 'identity;q=0', '*', 'x'),
    range: fc.constantFrom('bytes=0-', 'bytes=abc', 'bytes=5-1', 'bytes=-0', 'bytes=0-1,2-3', 'items=1-2', `bytes=0-${'9'.repeat(30)}`),
    'if-none-match': printable,
    'x-forwarded-for': printable,
    'x-forwarded-host': fc.constantFrom('evil.example', '', 'a'.repeat(300)),
    'x-forwarded-proto': fc.constantFrom('https', 'gopher', ''),
    'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'x'),
    'x-long': fc.integer({ min: 1000, max: 12_000 }).map((n) => 'h'.repeat(n)),
    'content-language': printable,
  },
  { requiredKeys: [] },
);

function pathSegment(name: string, ids: Record<string, string>) {
  const real = ids[name] ?? '00000000-0000-4000-8000-000000000000';
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.constantFrom(`${real}%00`, '%00', 'x'.repeat(150), '..', '%2e%2e%2f', 'null', '-1', '%E4%B8%AD', '%ZZ') },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

export function fuzzRequest(route: Operation, ids: Record<string, string>): fc.Arbitrary<FuzzRequest> {
  const params = route.op.parameters ?? [];
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
  const segments = fc.tuple(...pathNames.map((n) => pathSegment(n, ids)));
  const queryKey = queryNames.length ? fc.oneof(fc.constantFrom(...queryNames), printable) : printable;
  const query = fc.array(fc.tuple(queryKey, fc.oneof(text, fc.integer().map(String))), { maxLength: 4 });
  const isTus = route.path.includes('/av/uploads');
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(route.method) || isTus;
  const jsonSchema = route.op.requestBody?.content?.['application/json']?.schema;
  const body = hasBody ? fc.option(bodyFor(jsonSchema), { nil: undefined, freq: 8 }) : fc.constant(undefined);
  return fc
    .record({ segments, query, body, contentType, tus: isTus ? tusHeaders : fc.option(tusHeaders, { nil: undefined, freq: 8 }), odd: fc.option(oddHeaders, { nil: undefined, freq: 2 }) })
    .map(({ segments: seg, query: q, body: b, contentType: ct, tus, odd }) => {
      let i = 0;
      const path = route.path.replace(/\{(\w+)\}/g, () => {
        const s = seg[i++]!;
        return /%|^[\w.-]*$/.test(s) ? s : encodeURIComponent(s);
      });
      const search = new URLSearchParams(q.map(([k, v]) => [k, v])).toString();
      const headers: Record<string, string> = { ...(odd ?? {}), ...(tus ?? {}) };
      if (b !== undefined) headers['content-type'] = ct;
      return { url: `${path}${search ? `?${search}` : ''}`, headers, payload: b };
    });
}
