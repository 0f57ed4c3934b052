import type { FastifyInstance } from 'fastify';
import { demoCall, demoSignIn, type DemoToken } from './demo-client.js';
import { demoFields, type DemoParty } from './demo-fill.js';

// The demo's own clock and people: each scenario moves the clock to the day an act happened and
// acts as the user who would, through the API. Steps that need approval are approved by the
// demo reviewer and approver a few minutes later, as in a working agency.

const MINUTE = 60_000;
const SHANGHAI_MS = 8 * 3_600_000;

export class DemoClock {
  private current: number;
  constructor(start: Date) {
    this.current = start.getTime();
  }
  now = () => new Date(this.current);
  /** Moves to `day` (YYYY-MM-DD) at `time` (HH:mm) Beijing time; each matter's story runs forward, one after another. */
  set(day: string, time: string) {
    this.current = Date.parse(`${day}T${time}:00Z`) - SHANGHAI_MS;
  }
  tick(minutes = 3) {
    this.current += minutes * MINUTE;
  }
  day() {
    return new Date(this.current + SHANGHAI_MS).toISOString().slice(0, 10);
  }
  time() {
    return new Date(this.current + SHANGHAI_MS).toISOString().slice(11, 16);
  }
}

export type DemoPeople = { handler: string; handler2: string; reviewer: string; approver: string; legal: string; password: string };
type Step = { id: string; status: string; step: string };

export class DemoRun {
  private tokens = new Map<string, DemoToken>();
  constructor(readonly app: FastifyInstance, readonly clock: DemoClock, readonly agencyId: string, readonly people: DemoPeople, readonly officerIds: { handler: string; handler2: string }) {}

  /** `username`'s own API token, made once by signing in (a password hash per sign-in is slow). */
  async as(username: string) {
    const known = this.tokens.get(username);
    if (known) return known;
    const session = await demoSignIn(this.app, username, this.people.password);
    const { token } = await demoCall<{ token: string }>(this.app, session, 'POST', `/api/agencies/${this.agencyId}/api-tokens`, { name: '演示数据' });
    this.tokens.set(username, { username, token });
    return { username, token };
  }

  call<T = Record<string, unknown>>(username: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
    return this.as(username).then((who) => demoCall<T>(this.app, who, method, `/api/agencies/${this.agencyId}${path}`, body));
  }

  async openMatter(input: { category: string; startRoute: string; title: string; source?: string; summary?: string; parties: Record<string, unknown>[] }, day: string, time = '09:00') {
    this.clock.set(day, time);
    const m = await this.call<{ id: string; number: string }>(this.people.handler, 'POST', '/matters', { ...input, officerIds: [this.officerIds.handler, this.officerIds.handler2] });
    const detail = await this.call<{ parties: (DemoParty & { id: string })[]; officers: { name: string; certificateNo: string }[] }>(this.people.handler, 'GET', `/matters/${m.id}`);
    return new DemoMatter(this, m.id, m.number, input.title, detail.parties, detail.officers);
  }
}

export class DemoMatter {
  constructor(readonly run: DemoRun, readonly id: string, readonly number: string, readonly title: string, readonly parties: (DemoParty & { id: string })[], readonly officers: { name: string; certificateNo: string }[]) {}

  private get people() {
    return this.run.people;
  }

  /** Records a step on `day` at `time`; one that needs approval is approved straight after. */
  async step(step: string, day: string, time: string, opts: { details?: Record<string, unknown>; note?: string; place?: string; approve?: boolean } = {}) {
    const { clock } = this.run;
    clock.set(day, time);
    const occurredAt = clock.now().toISOString();
    clock.tick(1);
    const s = await this.run.call<Step>(this.people.handler, 'POST', `/matters/${this.id}/steps`, { step, occurredAt, place: opts.place ?? null, note: opts.note ?? null, details: opts.details ?? null });
    if (s.status === 'pending' && opts.approve !== false) await this.approve(s.id);
    return s;
  }

  /** A step and the document that records it, issued. */
  async stepWithDocument(typeId: string, step: string, day: string, time: string, opts: Parameters<DemoMatter['step']>[3] = {}) {
    const s = await this.step(step, day, time, opts);
    return this.issue(typeId, s.id);
  }

  async approve(stepId: string) {
    for (const who of [this.people.reviewer, this.people.approver]) {
      this.run.clock.tick(20);
      await this.run.call(who, 'POST', `/matters/${this.id}/steps/${stepId}/decision`, { decision: 'approve', opinion: '同意' });
    }
  }

  /** Drafts and issues a document of the matter, its values complete for the form. */
  async issue(typeId: string, stepId: string | null, own: Record<string, unknown> = {}) {
    const { clock } = this.run;
    clock.tick(10);
    const fields = demoFields(typeId, { day: clock.day(), time: clock.time(), party: this.parties[0], officers: this.officers, maker: this.officers[0]?.name ?? '承办人', place: '方城县城关镇' }, own);
    const doc = await this.run.call<{ id: string }>(this.people.handler, 'POST', `/matters/${this.id}/documents`, { typeId, stepId, fields });
    clock.tick(2);
    return this.run.call<{ id: string; number: string | null }>(this.people.handler, 'POST', `/documents/${doc.id}/issue`);
  }

  async serve(documentId: string, method: string, day: string, time: string, details: Record<string, unknown>, partyIndex = 0) {
    // Never before the document was issued, whatever the scenario's round figure says.
    const issuedBy = this.run.clock.now().getTime();
    this.run.clock.set(day, time);
    if (this.run.clock.now().getTime() <= issuedBy) (this.run.clock.set(day, time), this.run.clock.tick(Math.ceil((issuedBy - this.run.clock.now().getTime()) / MINUTE) + 5));
    const servedAt = this.run.clock.now().toISOString();
    this.run.clock.tick(2);
    return this.run.call(this.people.handler, 'POST', `/matters/${this.id}/services`, { documentId, partyId: this.parties[partyIndex]!.id, method, servedAt, place: this.parties[partyIndex]!.address ?? null, details });
  }

  /** A rights record (statements, their review, a hearing request …) at the demo's present moment. */
  async rights(path: string, body: Record<string, unknown>, at?: [day: string, time: string]) {
    if (at) this.run.clock.set(...at);
    this.run.clock.tick(5);
    return this.run.call<{ id: string }>(this.people.handler, 'POST', `/matters/${this.id}/${path}`, body);
  }

  /** 是否重大 judged not major, so the decision may be made without a legal review (法制审核办法 第三条). */
  async assessNotMajor(measures: string[], fineAmount: number | null, allNo: Record<string, boolean>) {
    this.run.clock.tick(5);
    return this.run.call(this.people.handler, 'POST', `/matters/${this.id}/legal-review/assessment`, { proposal: { measures, fineAmount }, answers: allNo });
  }
}
