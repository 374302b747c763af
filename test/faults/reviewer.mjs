// An editor recording decisions with the real `claimtrace review` command, run in this process
// one decision after another: `node reviewer.mjs DIST_MAIN_JS DB PREFIX COUNT FINDING[,FINDING…]`.
// Decision k dismisses FINDING[k mod n] with the reason "PREFIX-k" (so a test can tell every
// decision apart), and prints "recorded k+1" once the command has returned, so a test that kills
// it knows which decisions must be there. A command that fails stops it with the command's status.
const [mainModule, db, prefix, count, ids] = process.argv.slice(2);
const { main } = await import(mainModule);
const findings = ids.split(',');
for (let i = 0; i < Number(count); i++) {
  const status = await main(['review', findings[i % findings.length], '--dismiss', '--reason', `${prefix}-${i}`, '--by', prefix, '--db', db]);
  if (status !== 0) process.exit(status);
  process.stdout.write(`recorded ${i + 1}\n`);
}
