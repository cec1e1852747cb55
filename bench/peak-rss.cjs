// Preloaded into each measured command (`node -r bench/peak-rss.cjs …`): at exit, the process's peak resident
// memory in kilobytes goes to file descriptor 3, which the bench reads. Nothing else of the command changes.
process.on('exit', () => {
  try {
    require('node:fs').writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // No fd 3: run by hand, not by the bench.
  }
});
