// Prints the one closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON report.
import { existsSync, readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.cache/test-results.json';
if (!existsSync(path)) {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${path}: the test run did not finish`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
console.log(
  `${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
