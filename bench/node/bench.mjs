// markdown-it + highlight.js, the pipeline of most JavaScript Markdown editors, timed in-process
// on the inputs Byline's generator wrote. Prints one JSON object per metric (times in ms).
//
//   node bench.mjs <inputs dir>            warm loops over every input
//   node bench.mjs --cold <file>           one render in this fresh process, imports included
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const started = performance.now();

async function pipeline() {
  const { default: MarkdownIt } = await import('markdown-it');
  const { default: hljs } = await import('highlight.js');
  const md = new MarkdownIt({
    html: true,
    linkify: true,
    highlight(code, lang) {
      if (lang && hljs.getLanguage(lang)) {
        return hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;
      }
      return '';
    },
  });
  return (text) => md.render(text);
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.round((sorted.length - 1) * q))];
}

function report(metric, times, input) {
  const sorted = [...times].sort((a, b) => a - b);
  const row = { metric, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), unit: 'ms', input, samples: times.length };
  console.log(JSON.stringify(row));
}

/// Renders until `budgetMs` is spent (at least 5 times) after a warm-up, one sample per render.
function loop(render, text, budgetMs) {
  const warmUntil = performance.now() + budgetMs / 3;
  while (performance.now() < warmUntil) render(text);
  const times = [];
  const until = performance.now() + budgetMs;
  while (performance.now() < until || times.length < 5) {
    const t = performance.now();
    render(text);
    times.push(performance.now() - t);
  }
  return times;
}

const args = process.argv.slice(2);
if (args[0] === '--cold') {
  const text = readFileSync(args[1], 'utf8');
  const render = await pipeline();
  render(text);
  console.log(performance.now() - started);
} else {
  const dir = args[0] ?? '../../target/bench/inputs';
  const render = await pipeline();
  const inputs = [
    ['article', 'article_edited.md', 3000],
    ['book', 'book_edited.md', 6000],
    ['json_1mb_one_line', 'json_1mb.md', 6000],
  ];
  for (const [name, file, budget] of inputs) {
    const text = readFileSync(join(dir, file), 'utf8');
    report(`markdown_it/${name}_warm`, loop(render, text, budget), file);
  }
  const cold = [];
  for (let i = 0; i < 10; i++) {
    const out = execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--cold', join(dir, 'article.md')]);
    cold.push(Number(out.toString().trim()));
  }
  report('markdown_it/article_cold', cold, 'article.md');
}
