import { describe, expect, it } from 'vitest';
import { claimtrace, claimtraceHere } from './helpers.js';

const COMMANDS = ['add', 'check', 'read', 'extract', 'articles', 'report', 'doctor'];

// The first and the last test run the built bin/claimtrace.js; the others call the CLI in this process.
describe('claimtrace (no command)', () => {
  it('--help lists every command and exits 0', async () => {
    const r = await claimtrace(['--help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  for (const c of COMMANDS) {
    it(`${c} --help prints its usage and exits 0`, async () => {
      const r = await claimtraceHere([c, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: claimtrace ${c}`));
      expect(r.stderr).toBe('');
    });
  }

  // A wrong command line: one line on stderr with a usage hint, exit 2, nothing on stdout.
  const wrong: Array<[string[], RegExp]> = [
    [['frobnicate'], /^claimtrace: unknown command 'frobnicate' .*Run 'claimtrace --help'/],
    [['check', '--colour'], /^claimtrace check: Unknown option '--colour'.*Run 'claimtrace check --help'/],
    [['check', '--format', 'pdf', '--db', '/nonexistent/x.json'], /^claimtrace check: --format must be md or json, not 'pdf'/],
    [['check', '--fail-on', 'fatal', '--db', '/nonexistent/x.json'], /^claimtrace check: --fail-on must be error, warning or info/],
    [['add'], /^claimtrace add: no PATH given/],
    [['add', 'x.txt', '--published', '24 March'], /^claimtrace add: --published must be a date YYYY-MM-DD/],
    [['add', 'x.txt', '--published', '2026-02-30'], /^claimtrace add: --published must be a date YYYY-MM-DD/],
    [['add', 'x.txt', '--max-bytes', 'lots'], /^claimtrace add: --max-bytes must be a number of bytes/],
    [['read'], /^claimtrace read: no FILE given/],
    [['articles', 'extra'], /^claimtrace articles: Unexpected argument 'extra'/],
    [['check', '--db'], /^claimtrace check: Option '--db <value>' argument missing/],
  ];
  for (const [args, message] of wrong) {
    it(`${args.join(' ')} → exit 2 with one line`, async () => {
      const r = await claimtraceHere(args);
      expect(r.status).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('no command at all → usage on stderr, exit 2', async () => {
    const r = await claimtrace([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage: claimtrace COMMAND/);
    expect(r.stdout).toBe('');
  });
});
