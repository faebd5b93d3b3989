import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capCheckOutput, CHECK_OUTPUT_MAX_CHARS, isSessionState, isStepStatus } from './model';

test('capCheckOutput leaves short output untouched', () => {
  assert.equal(capCheckOutput('ok\n'), 'ok\n');
  const exact = 'x'.repeat(CHECK_OUTPUT_MAX_CHARS);
  assert.equal(capCheckOutput(exact), exact);
});

test('capCheckOutput keeps head and tail within the limit', () => {
  const long = 'HEAD' + 'm'.repeat(50_000) + 'TAIL';
  const capped = capCheckOutput(long, 200);
  assert.equal(capped.length, 200);
  assert.ok(capped.startsWith('HEAD'));
  assert.ok(capped.endsWith('TAIL'));
  assert.match(capped, /output truncated/);
});

test('state guards accept only the stored vocabulary', () => {
  assert.ok(isSessionState('ready'));
  assert.ok(!isSessionState('running'));
  assert.ok(isStepStatus('skipped'));
  assert.ok(!isStepStatus('done'));
});
