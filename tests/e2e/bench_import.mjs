// `make bench`, loading your own data: a generated 10 MB describe-instance-types file chosen
// in the file input, timed to the parsed data (marks set by the app), with the main thread's
// long tasks (PerformanceObserver `longtask`, over 50 ms) seen while the importer worker
// parses it, and the one task that takes the worker's answer (decode, fill from the
// built-in data).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../crates/model/tests/fixtures/', import.meta.url));

/**
 * About `megabytes` of real describe-instance-types records, each with its own name, and at
 * most `records` of them (the import budget is 10,000 types: a larger file is refused).
 */
export async function describeFile(megabytes = 10, most = 10000) {
  const fixture = JSON.parse(await readFile(`${FIXTURES.replace(/\/?$/, '/')}describe-instance-types/t3_micro_and_p3_16xl.json`, 'utf8'));
  const records = [];
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024 && i < most; i++) {
    const record = structuredClone(fixture.InstanceTypes[i % fixture.InstanceTypes.length]);
    record.InstanceType = `m${(i % 8) + 1}.${i + 2}xlarge`;
    bytes += JSON.stringify(record).length + 2;
    records.push(record);
  }
  return { buffer: Buffer.from(JSON.stringify({ InstanceTypes: records })), count: records.length };
}

/** One fresh page: file chosen -> parsed (read + parse) and the parse alone, in ms. */
export async function importOnce(browser, url, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:chart-drawn').length > 0);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries())).observe({ type: 'longtask' });
    document.querySelector('[data-testid=import-file]').addEventListener('change', () => performance.mark('bench:file-chosen'));
  });
  await page.setInputFiles('[data-testid=import-file]', { name: 'describe-10mb.json', mimeType: 'application/json', buffer: file.buffer });
  await page.waitForFunction(() => performance.getEntriesByName('atlas:data-loaded').length > 0, null, { timeout: 30000 });
  const figures = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0].startTime;
    return {
      total: at('atlas:data-loaded') - at('bench:file-chosen'),
      parse: at('atlas:data-loaded') - at('atlas:import-start'),
      // Only the app's own tasks: handing the file to the page is the test driver's work.
      longest: Math.max(0, ...window.__tasks.filter((t) => t.startTime >= at('bench:file-chosen')).map((t) => t.duration)),
      // While the worker parses: tasks that run wholly after the file went to the worker
      // and before its answer arrived (reading the file and the worker's own work excluded).
      whileParsing: Math.max(0, ...window.__tasks
        .filter((t) => t.startTime >= at('atlas:import-start') && t.startTime + t.duration <= at('atlas:import-answer'))
        .map((t) => t.duration)),
      longTasksWhileParsing: window.__tasks
        .filter((t) => t.startTime >= at('atlas:import-start') && t.startTime + t.duration <= at('atlas:import-answer')).length,
      // The task in which the answer arrived (the message's structured clone, the decode,
      // filling from the built-in data, and whatever the page then renders in that task).
      answerTask: Math.max(0, ...window.__tasks
        .filter((t) => t.startTime <= at('atlas:import-answer') && t.startTime + t.duration >= at('atlas:import-answer'))
        .map((t) => t.duration)),
      // The task that took the answer: from the answer mark to the data-loaded mark.
      answer: at('atlas:data-loaded') - at('atlas:import-answer'),
      banner: document.querySelector('[data-testid=data-source]')?.innerText ?? '',
    };
  });
  await context.close();
  return figures;
}
