// A process recording editors' decisions through the store, one locked update per decision, as
// the review command does: `node reviewer.mjs DIST_STORE_JS DB PREFIX COUNT`. Prints "recorded N"
// after each decision is on disk, so a test that kills it knows which decisions must be there.
const [storeModule, db, prefix, count] = process.argv.slice(2);
const { openStore } = await import(storeModule);
const store = openStore(db);
for (let i = 0; i < Number(count); i++) {
  await store.update((data) => {
    (data.reviews[`${prefix}-${i}`] ??= []).push({ status: 'dismissed', by: prefix, at: new Date().toISOString(), reason: 'recorded by the fault suite', evidence: null });
  });
  process.stdout.write(`recorded ${i + 1}\n`);
}
