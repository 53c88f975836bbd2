// Preloaded into the API by tools/bench/themes.mjs (node --require): measures how long the API's own
// event loop is blocked (monitorEventLoopDelay, 2 ms resolution). On SIGUSR2 it writes the figures
// since the last signal to YORIAI_LOOP_PROBE_FILE and starts again. With YORIAI_BENCH_THEMES_OFF=1 it
// also switches themes.updated off (ThemesPublisher.handle ignores every event): the baseline of the
// same comment storm without any theme work.
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');
const Module = require('node:module');

const histogram = monitorEventLoopDelay({ resolution: 2 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => ns / 1e6;
  const figures = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean), samples: histogram.count };
  writeFileSync(process.env.YORIAI_LOOP_PROBE_FILE, JSON.stringify(figures));
  histogram.reset();
});

if (process.env.YORIAI_BENCH_THEMES_OFF === '1') {
  const load = Module._load;
  Module._load = function (...args) {
    const exports = load.apply(this, args);
    if (/themes\.publisher(\.js)?$/.test(String(args[0])) && typeof exports?.ThemesPublisher === 'function' && !exports.ThemesPublisher.benchOff) {
      exports.ThemesPublisher.prototype.handle = function () {};
      exports.ThemesPublisher.benchOff = true;
    }
    return exports;
  };
}
