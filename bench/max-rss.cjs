// Preloaded (node --require) into a measured child process: writes its peak
// resident set size in KB (getrusage ru_maxrss) to $BENCH_RSS_FILE at exit.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
