import { describe, expect, it } from 'vitest';
import { ownHosts, refusal } from '../../src/serve/guard.js';
import type { RequestHeaders } from '../../src/serve/guard.js';

const hosts = ownHosts(4173);
const req = (r: Partial<RequestHeaders>): RequestHeaders => ({ method: 'GET', host: '127.0.0.1:4173', origin: null, referer: null, fetchSite: null, ...r });

describe('refusal', () => {
  const allowed: Array<[string, Partial<RequestHeaders>]> = [
    ['a page, by IP', {}],
    ['a page, by localhost', { host: 'localhost:4173' }],
    ['a page, Host in capitals', { host: 'LOCALHOST:4173' }],
    ['a page linked from another site (reading is harmless)', { referer: 'https://evil.example/' , fetchSite: 'cross-site' }],
    ['a decision from the desk page', { method: 'POST', origin: 'http://127.0.0.1:4173', fetchSite: 'same-origin' }],
    ['a decision with only a Referer of the desk', { method: 'POST', referer: 'http://127.0.0.1:4173/findings/f-1' }],
    ['a decision from the localhost page', { method: 'POST', host: 'localhost:4173', origin: 'http://localhost:4173' }],
  ];
  it.each(allowed)('lets through %s', (_, r) => {
    expect(refusal(req(r), hosts)).toBeNull();
  });

  const refused: Array<[string, Partial<RequestHeaders>, RegExp]> = [
    ['another Host (DNS rebinding)', { host: 'evil.example:4173' }, /Host 'evil.example:4173' is not this review desk/],
    ['another port', { host: '127.0.0.1:8080' }, /Host/],
    ['no Host', { host: null }, /Host '' is not/],
    ['a cross-site form post', { method: 'POST', origin: 'https://evil.example' }, /Origin 'https:\/\/evil.example' is not this review desk/],
    ['a post from an opaque origin', { method: 'POST', origin: 'null' }, /Origin 'null'/],
    ['a post from the desk on another host name', { method: 'POST', origin: 'http://localhost:4173' }, /Origin/],
    ['a cross-site post without Origin', { method: 'POST', fetchSite: 'cross-site' }, /cross-site request may not change/],
    ['a post with a foreign Referer', { method: 'POST', referer: 'https://evil.example/x' }, /another site/],
    ['a post saying nothing of where it comes from', { method: 'POST' }, /needs the Origin/],
    ['a DELETE from elsewhere', { method: 'DELETE', origin: 'http://evil.example' }, /Origin/],
  ];
  it.each(refused)('refuses %s', (_, r, why) => {
    expect(refusal(req(r), hosts)).toMatch(why);
  });
});
