// Preloaded into a claimtrace process by the fault suite (`node --import`): at exit, append the
// process's peak resident memory in kB to the file named by CLAIMTRACE_PEAK_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.CLAIMTRACE_PEAK_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
