import { describe, expect, it } from 'vitest';
import { extensionScriptFrames, extensionScriptTime } from './script-time';

describe("our scripts' time in a trace", () => {
  it("adds the thread time of the extension's script evaluations, and nothing else", () => {
    const events = [
      { name: 'EvaluateScript', ph: 'X', tdur: 600, args: { data: { url: 'chrome-extension://abcdefghijklmnop/src/main-world/hook.iife.js' } } },
      { name: 'EvaluateScript', ph: 'X', tdur: 1250, args: { data: { url: 'chrome-extension://abcdefghijklmnop/src/content/index.iife.js' } } },
      // The page's own script, a nested compile, and an event without thread time do not count.
      { name: 'EvaluateScript', ph: 'X', tdur: 9000, args: { data: { url: 'http://www.flickr.com/bench/blank.js' } } },
      { name: 'v8.compile', ph: 'X', tdur: 500, args: { data: { url: 'chrome-extension://abcdefghijklmnop/src/content/index.iife.js' } } },
      { name: 'EvaluateScript', ph: 'X', args: { data: { url: 'chrome-extension://abcdefghijklmnop/x.js' } } },
    ];
    expect(extensionScriptTime(events)).toBeCloseTo(1.85, 6);
    expect(extensionScriptTime([])).toBe(0);
  });

  it("adds the extension scripts' later calls (listeners, timers), counting a call inside another of them once", () => {
    const call = (ts: number, dur: number, tdur: number, url = 'chrome-extension://abc/js/contentscripts/widgets.js', tid = 1) => ({ name: 'FunctionCall', ph: 'X', ts, dur, tdur, pid: 7, tid, args: { data: { url } } });
    const events = [
      { name: 'EvaluateScript', ph: 'X', ts: 0, dur: 900, tdur: 800, pid: 7, tid: 1, args: { data: { url: 'chrome-extension://abc/js/contentscripts/utils.js' } } },
      call(5000, 1000, 700),
      // Inside the call above, on the same thread: already in its time.
      call(5200, 300, 250),
      // The same moment on another thread (another frame's process) is work of its own.
      call(5200, 300, 250, undefined, 2),
      // The page's own callback does not count.
      call(9000, 400, 400, 'http://www.flickr.com/bench/scroll.html'),
    ];
    expect(extensionScriptTime(events)).toBeCloseTo(0.8 + 0.7 + 0.25, 6);
  });

  it('counts the frames our scripts ran in, each once whatever ran there', () => {
    const ours = (frame: string, file: string) => ({ name: 'EvaluateScript', ph: 'X', tdur: 300, args: { data: { url: `chrome-extension://abc/${file}`, frame } } });
    const events = [
      ours('MAIN', 'src/main-world/hook.iife.js'),
      ours('MAIN', 'src/content/index.iife.js'),
      ours('OWN-FRAME', 'src/content/index.iife.js'),
      { name: 'EvaluateScript', ph: 'X', tdur: 300, args: { data: { url: 'http://ads.example/ad.js', frame: 'AD-FRAME' } } },
    ];
    expect(extensionScriptFrames(events)).toBe(2);
    expect(extensionScriptFrames([])).toBe(0);
  });
});
