// Takes and releases the lock of a store in a tight loop, until killed:
// `node locker.mjs DIST_LOCK_JS DB`. Prints "ready" after the first lock was held.
const [lockModule, db] = process.argv.slice(2);
const { acquireLock } = await import(lockModule);
for (let i = 0; ; i++) {
  const lock = await acquireLock(db, { timeoutMs: 5000, retryMs: 1 });
  if (i === 0) process.stdout.write('ready\n');
  await lock.release();
}
